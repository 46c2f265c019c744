"""Background delivery of notice e-mails: each one at most once, retried with back-off on failure.

The ledger is the notice itself (``Notification.email_status``): a task locks the row, sends, and
marks it sent in one transaction, so two workers (or a worker and ``notify_sweep``) never send
the same e-mail twice. A mail server that refuses or times out is recorded and tried again
after 1, 5, 30 and 120 minutes; after ``MAX_ATTEMPTS`` the notice is marked failed.
"""

import datetime
import smtplib

from django.db import transaction
from django.tasks import task
from django.tasks.exceptions import InvalidTask
from django.utils import timezone

from notifications.email import email_message
from notifications.models import Notification
from notifications.preferences import preference_for

BACK_OFF_MINUTES = (1, 5, 30, 120)
MAX_ATTEMPTS = len(BACK_OFF_MINUTES) + 1


def enqueue_at(task_to_run, run_after: datetime.datetime | None, **kwargs) -> None:
    """Queue a task to run after a moment; now, when the backend cannot defer (tests).

    A task run too early re-checks its moment and does nothing, and ``notify_sweep`` picks up
    what is due later, so a backend without deferral loses nothing.
    """
    if run_after is not None and run_after > timezone.now():
        try:
            task_to_run.using(run_after=run_after).enqueue(**kwargs)
            return
        except InvalidTask:
            return  # the backend cannot defer: notify_sweep sends it when it is due
    task_to_run.enqueue(**kwargs)


def email_queue(notification: Notification) -> None:
    enqueue_at(deliver_email, notification.email_due_at, notification_id=notification.pk)


def notification_email_deliver(
    *, notification_id: int, now: datetime.datetime | None = None
) -> str:
    """Send one notice's e-mail if it is due and unsent; returns what happened (for logs and tests).

    "sent", "not due", "expired", "retry", "failed", "not wanted" or "nothing to do". Never raises
    for a mail server's failure or a missing notice: it records the failure instead.
    """
    now = now or timezone.now()
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("recipient")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.email_status != Notification.Email.PENDING:
            return "nothing to do"
        if notification.email_due_at and now < notification.email_due_at:
            return "not due"
        fields = ["email_status", "email_attempts", "email_error", "email_due_at", "email_sent_at"]
        recipient = notification.recipient
        if notification.email_expires_at and now >= notification.email_expires_at:
            notification.email_status = Notification.Email.EXPIRED
            outcome = "expired"
        elif (
            not recipient.email
            or not recipient.is_active
            or not preference_for(recipient).emails(notification.kind)
        ):
            notification.email_status = Notification.Email.NONE
            outcome = "not wanted"
        else:
            try:
                email_message(notification).send()
            except (smtplib.SMTPException, OSError) as error:
                notification.email_attempts += 1
                notification.email_error = f"{type(error).__name__}: {error}"[:300]
                if notification.email_attempts >= MAX_ATTEMPTS:
                    notification.email_status = Notification.Email.FAILED
                    outcome = "failed"
                else:
                    wait = BACK_OFF_MINUTES[notification.email_attempts - 1]
                    notification.email_due_at = now + datetime.timedelta(minutes=wait)
                    outcome = "retry"
            else:
                notification.email_attempts += 1
                notification.email_status = Notification.Email.SENT
                notification.email_sent_at = now
                notification.email_error = ""
                outcome = "sent"
        notification.save(update_fields=fields)
    if outcome == "retry":
        transaction.on_commit(lambda: email_queue(notification))
    return outcome


def emails_due_deliver(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Every pending e-mail whose time has come (``notify_sweep``); counts per outcome."""
    now = now or timezone.now()
    outcomes: dict[str, int] = {}
    due = Notification.objects.filter(
        email_status=Notification.Email.PENDING, email_due_at__lte=now
    ).values_list("pk", flat=True)
    for notification_id in list(due):
        outcome = notification_email_deliver(notification_id=notification_id, now=now)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


@task
def deliver_email(*, notification_id: int) -> str:
    return notification_email_deliver(notification_id=notification_id)
