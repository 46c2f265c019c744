"""Reminders, nudges, meeting reminders and the weekly summary, run by the background worker."""

from django.apps import AppConfig


class RemindersConfig(AppConfig):
    name = "reminders"
    verbose_name = "Reminders"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from homework.signals import assignment_changed
        from reminders import panels, receivers
        from reminders.privacy_provider import PROVIDER as privacy_provider
        from supervision import panels as registry
        from supervision import privacy
        from supervision.signals import meeting_planned

        assignment_changed.connect(
            receivers.assignment_changed, dispatch_uid="reminders.assignment_changed"
        )
        meeting_planned.connect(receivers.meeting_planned, dispatch_uid="reminders.meeting_planned")
        registry.register(
            "notifications.preferences",
            template="reminders/includes/_muted_homework.html",
            context=panels.muted_homework,
            order=10,
        )
        privacy.register(privacy_provider)
