"""Homework in supervision: agreeing it, doing it, reviewing it and giving feedback on it."""

from django.apps import AppConfig


class HomeworkConfig(AppConfig):
    name = "homework"
    verbose_name = "Homework"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from homework import panels as homework_panels
        from homework import receivers
        from supervision import panels
        from supervision.signals import supervision_ended
        from worksheets.signals import entry_submitted

        entry_submitted.connect(receivers.entry_submitted, dispatch_uid="homework.entry_submitted")
        supervision_ended.connect(
            receivers.supervision_ended, dispatch_uid="homework.supervision_ended"
        )

        panels.register(
            "dashboard.supervisee.actions",
            template="homework/includes/_dashboard_set_homework.html",
            context=homework_panels.dashboard_actions,
        )
        panels.register(
            "dashboard.supervisee",
            template="homework/includes/_dashboard_engagement.html",
            context=homework_panels.dashboard_engagement,
        )
        panels.register(
            "meeting.section.homework_review",
            template="homework/includes/_meeting_review.html",
            context=homework_panels.meeting_review,
            first=True,  # homework is reviewed first (DESIGN.md, principle 6)
        )
        panels.register(
            "meeting.section.homework_agreed",
            template="homework/includes/_meeting_agreed.html",
            context=homework_panels.meeting_agreed,
        )
        panels.register(
            "entry.context",
            template="homework/includes/_entry_plan.html",
            context=homework_panels.entry_plan,
        )
        panels.register(
            "supervision.detail",
            template="homework/includes/_supervision_homework.html",
            context=homework_panels.supervision_homework,
        )

        from homework.privacy_provider import PROVIDER as privacy_provider
        from supervision import privacy

        privacy.register(privacy_provider)
