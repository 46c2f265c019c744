"""Sending and reading notifications; e-mail reminders will be sent from here too."""

from django.db import transaction
from django.utils import timezone

from notifications.models import Notification


def notification_send(
    *, recipient, kind: str, summary: str, url: str, actor=None
) -> Notification | None:
    """Record a notice for the recipient. Nobody is notified of their own action."""
    if actor is not None and actor.pk == recipient.pk:
        return None
    notification = Notification(
        recipient=recipient, actor=actor, kind=kind, summary=summary[:300], url=url
    )
    notification.full_clean()
    notification.save()
    return notification


@transaction.atomic
def notification_mark_read(*, recipient, notification_id: int) -> Notification:
    notification = Notification.objects.select_for_update().get(
        pk=notification_id, recipient=recipient
    )
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, recipient) -> int:
    return Notification.objects.filter(recipient=recipient, read_at__isnull=True).update(
        read_at=timezone.now()
    )
