"""Homework whose reminders someone turned off."""

from django.conf import settings
from django.db import models


class AssignmentMute(models.Model):
    """No reminder or nudge about this homework reaches the supervisee.

    Either person may turn them off: the supervisee for themselves, the supervisor for the
    homework they set (issue 15: "a supervisor can turn reminders off for one assignment").
    """

    assignment = models.ForeignKey(
        "homework.Assignment", on_delete=models.CASCADE, related_name="reminder_mutes"
    )
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assignment", "person"], name="assignment_mute_once")
        ]

    def __str__(self) -> str:
        return f"Reminders off for {self.assignment} ({self.person})"
