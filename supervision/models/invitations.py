"""Invitations: a supervisor (or administrator) asks someone by e-mail to join a supervision."""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from .relationships import Kind, Supervision, SupervisionGroup

INVITATION_VALID_DAYS = 14


class Invitation(models.Model):
    Kind = Kind

    email = models.EmailField("e-mail address")
    display_name = models.CharField(
        "name", max_length=150, blank=True, help_text="How the person's name will be shown."
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_sent"
    )
    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations_to_supervise"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CLINICAL)
    group = models.ForeignKey(
        SupervisionGroup,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
        help_text="Leave empty for individual supervision.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)
    supervision = models.ForeignKey(
        Supervision, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Invitation to {self.email}"

    @property
    def expires_at(self) -> datetime.datetime:
        return self.created_at + datetime.timedelta(days=INVITATION_VALID_DAYS)

    @property
    def status(self) -> str:
        if self.accepted_at:
            return "accepted"
        if self.cancelled_at:
            return "cancelled"
        if timezone.now() >= self.expires_at:
            return "expired"
        return "waiting"

    @property
    def is_waiting(self) -> bool:
        return self.status == "waiting"

    @property
    def format_phrase(self) -> str:
        return f"group {self.group.name}" if self.group_id else "individual"
