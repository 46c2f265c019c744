"""Feedback on worksheet entries: supervisors' comments, released to the supervisee, with replies."""

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Feedback"
    default_auto_field = "django.db.models.BigAutoField"
