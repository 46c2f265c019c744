"""Recording review: recorded sessions with time-coded comments, ratings and retention."""

from django.apps import AppConfig


class RecordingsConfig(AppConfig):
    name = "recordings"
    verbose_name = "Recordings"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from recordings import panels as recording_panels
        from recordings import receivers
        from recordings.privacy_provider import PROVIDER as privacy_provider
        from supervision import panels, privacy
        from supervision.signals import supervision_ended
        from worksheets.signals import entry_submitted

        entry_submitted.connect(
            receivers.entry_submitted, dispatch_uid="recordings.entry_submitted"
        )
        supervision_ended.connect(
            receivers.supervision_ended, dispatch_uid="recordings.supervision_ended"
        )
        panels.register(
            "supervision.detail",
            template="recordings/includes/_supervision_recordings.html",
            context=recording_panels.supervision_recordings,
            order=60,
        )
        panels.register(
            "meeting.detail",
            template="recordings/includes/_meeting_recordings.html",
            context=recording_panels.meeting_recordings,
            order=10,
        )
        panels.register(
            "dashboard.supervisor",
            template="recordings/includes/_dashboard_awaiting.html",
            context=recording_panels.dashboard_awaiting,
            order=20,
        )
        privacy.register(privacy_provider)
