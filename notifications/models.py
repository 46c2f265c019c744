"""A notice to one person about something that happened in their supervision."""

from django.conf import settings
from django.db import models


class Notification(models.Model):
    class Kind(models.TextChoices):
        ASSIGNMENT_NEW = "assignment_new", "New homework"
        PROPOSAL_ACCEPTED = "proposal_accepted", "Proposal accepted"
        ENTRY_SUBMITTED = "entry_submitted", "Homework submitted"
        FEEDBACK_RELEASED = "feedback_released", "Feedback released"
        REPLY_RECEIVED = "reply_received", "Reply received"
        ENTRY_REOPENED = "entry_reopened", "Entry reopened"
        RECORDING_EXPIRING = "recording_expiring", "Recording to be deleted soon"

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
    # Summaries name the task, never its content: a notice may be read over someone's shoulder.
    summary = models.CharField(max_length=300)
    url = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread_idx")]

    def __str__(self) -> str:
        return self.summary

    @property
    def is_unread(self) -> bool:
        return self.read_at is None
