"""Homework in supervision: agreeing it, doing it, reviewing it and giving feedback on it."""

from django.apps import AppConfig


class HomeworkConfig(AppConfig):
    name = "homework"
    verbose_name = "Homework"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from homework import receivers
        from supervision.signals import supervision_ended
        from worksheets.signals import entry_submitted

        entry_submitted.connect(receivers.entry_submitted, dispatch_uid="homework.entry_submitted")
        supervision_ended.connect(
            receivers.supervision_ended, dispatch_uid="homework.supervision_ended"
        )
