"""Feedback on worksheet entries: supervisors' comments, released to the supervisee, with replies."""

from django.apps import AppConfig


class FeedbackConfig(AppConfig):
    name = "feedback"
    verbose_name = "Feedback"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from feedback import panels as feedback_panels
        from supervision import panels

        panels.register(
            "dashboard.supervisor",
            template="feedback/includes/_dashboard_awaiting.html",
            context=feedback_panels.dashboard_awaiting,
            order=10,
        )

        from feedback.privacy_provider import PROVIDER as privacy_provider
        from supervision import privacy

        privacy.register(privacy_provider)
