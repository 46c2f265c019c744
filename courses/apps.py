"""Training content written by course staff in Wagtail: courses, modules, lessons."""

from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from courses import signals  # noqa: F401 - connects the receivers
