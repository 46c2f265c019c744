"""The notices recordings send, all through ``notifications.services.notification_send``."""

from django.urls import reverse

from notifications.models import Notification
from notifications.services import notification_send


def recording_url(recording, comment=None) -> str:
    url = reverse("recordings:detail", args=[recording.pk])
    return f"{url}#comment-{comment.pk}" if comment else url


def notify(*, recipient, actor, kind: str, summary: str, recording, comment=None) -> None:
    notification_send(
        recipient=recipient,
        actor=actor,
        kind=kind,
        summary=summary,
        url=recording_url(recording, comment),
    )


KIND_HANDED_IN = Notification.Kind.ENTRY_SUBMITTED
KIND_RELEASED = Notification.Kind.FEEDBACK_RELEASED
KIND_REPLY = Notification.Kind.REPLY_RECEIVED
KIND_EXPIRING = Notification.Kind.RECORDING_EXPIRING
