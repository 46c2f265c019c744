"""Sending and reading notices: the one way every notice, in the app and by e-mail, goes out."""

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django_tasks_db.backend import DatabaseBackend

from notifications.models import Notification, NotificationPreference
from notifications.preferences import outside_quiet_hours, preference_for
from notifications.tasks import deliver_email, email_queue
from supervision.writes import row_insert


def notification_send(
    *,
    recipient,
    kind: str,
    url: str,
    title: str = "",
    summary: str = "",
    actor=None,
    event_key: str | None = None,
    facts: dict[str, Any] | None = None,
    email_expires_at: datetime.datetime | None = None,
) -> Notification | None:
    """Record a notice for the recipient and, if they want this kind by e-mail, queue the e-mail.

    ``title`` is one line that does not repeat the kind (the list shows the kind beside it);
    ``summary`` is its former name, still accepted. ``event_key`` names the event: a second call
    with the same key for the same person returns None and sends nothing, whichever process
    makes it (a unique constraint decides). ``facts`` are the only things an e-mail may say
    besides its kind (dates, counts; never titles, content or pseudonyms). An e-mail not sent by
    ``email_expires_at`` is not sent at all. Nobody is notified of their own action (None).
    The e-mail is queued after the transaction commits and outside the quiet hours.
    """
    if actor is not None and actor.pk == recipient.pk:
        return None
    title = (title or summary).strip()
    if not title:
        raise ValidationError({"title": "A notice needs a title."})
    preference = preference_for(recipient)
    wants_email = bool(recipient.email) and preference.emails(kind)
    now = timezone.now()
    notification = Notification(
        recipient=recipient,
        actor=actor,
        kind=kind,
        title=title[:300],
        url=url,
        event_key=event_key,
        facts=facts or {},
        email_status=Notification.Email.PENDING if wants_email else Notification.Email.NONE,
        email_due_at=outside_quiet_hours(person=recipient, moment=now) if wants_email else None,
        email_expires_at=email_expires_at,
    )
    # The recipient and the actor are saved people: checking that they exist cost a query each.
    notification.full_clean(exclude=["recipient", "actor"], validate_constraints=False)
    # Once per event: ``INSERT … ON CONFLICT DO NOTHING`` (SQLite: ``INSERT OR IGNORE``) on the
    # unique event key, the database's own answer whichever process asks, in one statement (a
    # savepoint around a plain insert cost two more). Only with a key: SQLite's OR IGNORE would
    # skip a row breaking any other rule too.
    if not row_insert(notification, ignore_conflicts=event_key is not None):
        return None  # this event was already told to this person
    if wants_email:
        if _queued_in_the_database():
            # The task is a row beside the notice: committed (or undone) with it, in one commit
            # rather than a second after it (a hand-in waited on both; issue 11).
            email_queue(notification)
        else:
            transaction.on_commit(lambda: email_queue(notification), robust=True)
    return notification


def _queued_in_the_database() -> bool:
    """Whether the e-mail task's backend keeps tasks in this database (django_tasks_db), so that
    queueing it inside the notice's transaction is atomic; another backend (the immediate one of
    the tests, a broker) is asked only once the notice has committed."""
    return isinstance(deliver_email.get_backend(), DatabaseBackend)


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


@transaction.atomic
def notification_preference_save(
    *,
    person,
    email_kinds: list[str],
    quiet_from: datetime.time | None,
    quiet_until: datetime.time | None,
    weekly_digest: bool,
) -> NotificationPreference:
    """Store the person's choices (ValidationError on the field at fault); saving twice is harmless."""
    preference, _ = NotificationPreference.objects.select_for_update().get_or_create(person=person)
    preference.email_kinds = sorted(set(email_kinds))
    preference.quiet_from = quiet_from
    preference.quiet_until = quiet_until
    preference.weekly_digest = weekly_digest
    preference.full_clean()
    preference.save()
    person.notification_preference = preference
    return preference
