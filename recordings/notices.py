"""The notices recordings send, all through ``notifications.services.notification_send``."""

from django.urls import reverse

from notifications.models import Notification
from notifications.services import notification_send


def recording_url(recording, comment=None) -> str:
    url = reverse("recordings:detail", args=[recording.pk])
    return f"{url}#comment-{comment.pk}" if comment else url


def notify(
    *,
    recipient,
    actor,
    kind: str,
    title: str,
    recording,
    comment=None,
    event_key: str | None = None,
    facts: dict | None = None,
    email_expires_at=None,
) -> None:
    """One notice about a recording; ``event_key`` makes a repeated event notify once.

    ``facts`` are what the e-mail may say (dates, counts: never a title or a pseudonym).
    """
    notification_send(
        recipient=recipient,
        actor=actor,
        kind=kind,
        title=title,
        url=recording_url(recording, comment),
        event_key=event_key,
        facts=facts,
        email_expires_at=email_expires_at,
    )


KIND_HANDED_IN = Notification.Kind.ENTRY_SUBMITTED
KIND_RELEASED = Notification.Kind.FEEDBACK_RELEASED
KIND_REPLY = Notification.Kind.REPLY_RECEIVED
KIND_EXPIRING = Notification.Kind.RECORDING_EXPIRING
