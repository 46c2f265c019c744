"""A notice to one person about something that happened in their supervision, and how they want them."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


class Notification(models.Model):
    class Kind(models.TextChoices):
        ASSIGNMENT_NEW = "assignment_new", "New homework"
        PROPOSAL_ACCEPTED = "proposal_accepted", "Proposal accepted"
        ENTRY_SUBMITTED = "entry_submitted", "Homework handed in"
        FEEDBACK_RELEASED = "feedback_released", "Feedback released"
        REPLY_RECEIVED = "reply_received", "Reply received"
        ENTRY_REOPENED = "entry_reopened", "Entry reopened"
        RATING_RELEASED = "rating_released", "Rating released"
        HOMEWORK_DUE = "homework_due", "Homework due soon"
        HOMEWORK_OVERDUE = "homework_overdue", "Homework past its date"
        MEETING_SOON = "meeting_soon", "Meeting tomorrow"
        WEEKLY_DIGEST = "weekly_digest", "Weekly summary"
        RECORDING_EXPIRING = "recording_expiring", "Recording to be deleted soon"
        HOURS_SUBMITTED = "hours_submitted", "Hours to sign"
        HOURS_SIGNED = "hours_signed", "Hours signed"
        HOURS_RETURNED = "hours_returned", "Hours returned"

    class Email(models.TextChoices):
        """The e-mail ledger: each notice is e-mailed at most once (notifications.tasks)."""

        NONE = "none", "Not by e-mail"
        PENDING = "pending", "Waiting to be sent"
        SENT = "sent", "Sent"
        FAILED = "failed", "Gave up after retries"
        EXPIRED = "expired", "No longer worth sending"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    kind = models.CharField(max_length=32, choices=Kind.choices)
    # One line that says what happened; it does not repeat the kind. It names the task, never
    # its content: a notice may be read over someone's shoulder. It never goes into an e-mail.
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    # The event this notice is about ("reminder:occurrence:12:2026-12-01"); a second notice
    # for the same event and person is never made (notification_send).
    event_key = models.CharField(max_length=200, null=True, blank=True)
    # What an e-mail may say besides the kind: dates and counts only (notifications.email).
    facts = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    email_status = models.CharField(max_length=10, choices=Email.choices, default=Email.NONE)
    email_due_at = models.DateTimeField(null=True, blank=True)
    email_expires_at = models.DateTimeField(null=True, blank=True)
    email_attempts = models.PositiveSmallIntegerField(default=0)
    email_sent_at = models.DateTimeField(null=True, blank=True)
    email_error = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread_idx"),
            models.Index(
                fields=["email_due_at"],
                name="notification_email_due_idx",
                condition=Q(email_status="pending"),
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "event_key"],
                name="notification_once_per_event",
                condition=Q(event_key__isnull=False),
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def summary(self) -> str:
        """The title, under its former name."""
        return self.title

    @property
    def is_unread(self) -> bool:
        return self.read_at is None


def _default_email_kinds() -> list[str]:
    return list(Notification.Kind.values)


class NotificationPreference(models.Model):
    """How one person wants to be told: which kinds by e-mail, and when not to be disturbed.

    Every kind always appears in the app; ``email_kinds`` are also e-mailed. Quiet hours are in
    the person's own time zone; a window that crosses midnight (21:00 to 08:00) is allowed.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    email_kinds = models.JSONField(default=_default_email_kinds, blank=True)
    quiet_from = models.TimeField("quiet from", default=datetime.time(21, 0), null=True, blank=True)
    quiet_until = models.TimeField(
        "quiet until", default=datetime.time(8, 0), null=True, blank=True
    )
    weekly_digest = models.BooleanField(
        "weekly summary",
        default=True,
        help_text="On Monday morning, what waits for you as a supervisor.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"Notification preferences of {self.person}"

    def clean(self):
        unknown = set(self.email_kinds or []) - set(Notification.Kind.values)
        if unknown:
            raise ValidationError({"email_kinds": "Choose from the kinds listed."})
        if (self.quiet_from is None) != (self.quiet_until is None):
            raise ValidationError({"quiet_until": "Give both ends of the quiet hours, or neither."})
        if self.quiet_from is not None and self.quiet_from == self.quiet_until:
            raise ValidationError({"quiet_until": "Quiet hours must end at a different time."})

    def emails(self, kind: str) -> bool:
        return kind in (self.email_kinds or [])

    def is_quiet(self, local_time: datetime.time) -> bool:
        """Whether a local wall-clock time falls in the quiet hours (end not included)."""
        start, end = self.quiet_from, self.quiet_until
        if start is None or end is None:
            return False
        if start < end:
            return start <= local_time < end
        return local_time >= start or local_time < end
