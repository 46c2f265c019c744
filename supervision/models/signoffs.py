"""Hours sign-off: a period of a supervisee's hours log, submitted by them and signed by their supervisor.

A period moves through ``submitted`` to ``signed`` or ``returned`` (with the supervisor's
comment); the supervisee may ``withdraw`` it before it is signed, and the supervisor may
``reopen`` a signed period so a meeting in it can be corrected. While a period is signed, the
meetings of that supervision dated in it cannot be added, changed or deleted
(``supervision.services.signoffs.meetings_locked_check``). What was signed is kept as it was
(``contents``, ``contents_digest``) so the log book PDF's verification code can be checked
against the record later.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from .relationships import Supervision

LONGEST_PERIOD_DAYS = 366


class HoursSignOff(models.Model):
    class Status(models.TextChoices):
        SUBMITTED = "submitted", "Awaiting signature"
        SIGNED = "signed", "Signed"
        RETURNED = "returned", "Returned"
        WITHDRAWN = "withdrawn", "Withdrawn"
        REOPENED = "reopened", "Reopened"

    # A period in one of these states holds its dates: another one cannot overlap it.
    HOLDING = (Status.SUBMITTED, Status.SIGNED)

    supervision = models.ForeignKey(
        Supervision, on_delete=models.PROTECT, related_name="hours_signoffs"
    )
    starts_on = models.DateField("first day")
    ends_on = models.DateField("last day")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    note = models.TextField(
        "note to your supervisor",
        blank=True,
        max_length=2000,
        help_text="Optional: anything your supervisor should know about this period.",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    submitted_at = models.DateTimeField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    return_comment = models.TextField("comment", blank=True, max_length=4000)
    signed_by_name = models.CharField(max_length=150, blank=True)
    signed_at = models.DateTimeField(null=True, blank=True)
    reopened_at = models.DateTimeField(null=True, blank=True)
    reopen_reason = models.TextField(blank=True, max_length=2000)
    # What was signed, as the log book shows it: meetings, totals, names (see
    # supervision.selectors.signoffs.signoff_contents); the digest is sha256 of its canonical JSON.
    contents = models.JSONField(null=True, blank=True)
    contents_digest = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["-starts_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_on__gte=F("starts_on")), name="hours_signoff_period_in_order"
            )
        ]

    def __str__(self) -> str:
        return f"Hours of {self.starts_on:%d %b %Y} to {self.ends_on:%d %b %Y}"

    def clean(self):
        if self.starts_on and self.ends_on:
            if self.ends_on < self.starts_on:
                raise ValidationError({"ends_on": "The last day cannot be before the first day."})
            if (self.ends_on - self.starts_on).days >= LONGEST_PERIOD_DAYS:
                raise ValidationError({"ends_on": "A period for sign-off is at most a year long."})

    @property
    def is_signed(self) -> bool:
        return self.status == self.Status.SIGNED

    @property
    def is_waiting(self) -> bool:
        return self.status == self.Status.SUBMITTED

    @property
    def label(self) -> str:
        if (
            self.starts_on.day == 1
            and self.ends_on.month == self.starts_on.month
            and self.ends_on.year == self.starts_on.year
            and (self.ends_on + datetime.timedelta(days=1)).day == 1
        ):
            return f"{self.starts_on:%B %Y}"
        return f"{self.starts_on:%d %b %Y} to {self.ends_on:%d %b %Y}"
