"""Training content written by course staff in Wagtail: courses, modules, lessons."""

from django.apps import AppConfig


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = "Courses"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_delete

        from courses import receivers
        from courses.models import CourseTeam
        from worksheets.signals import entry_submitted

        post_delete.connect(
            receivers.course_team_deleted, sender=CourseTeam, dispatch_uid="courses.team_deleted"
        )
        entry_submitted.connect(receivers.entry_submitted, dispatch_uid="courses.entry_submitted")

        from courses.privacy_provider import PROVIDER as privacy_provider
        from supervision import privacy

        privacy.register(privacy_provider)

        from courses.context_processors import ENROLLED_FACT
        from courses.selectors.access import enrolled_person
        from supervision.roles import person_fact

        person_fact(ENROLLED_FACT, enrolled_person)
