"""Cases: the patients a supervisee brings to one supervision, under a pseudonym or code only."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from supervision.text import comparable, normalised, refuse_direction_controls

from .relationships import Supervision

EMAIL_LIKE = re.compile(r"\S+@\S+\.\S+")
DATE_LIKE = re.compile(r"\b\d{1,2}[./-]\d{1,2}[./-](\d{2}|\d{4})\b")


class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", "Open"
        CLOSED = "closed", "Closed"

    supervision = models.ForeignKey(
        Supervision,
        on_delete=models.CASCADE,
        related_name="cases",
        verbose_name="brought to",
        help_text="The supervision you discuss this case in. Only that supervisor can read it.",
    )
    pseudonym = models.CharField(
        "pseudonym or code",
        max_length=60,
        help_text="An invented name or a code, never the patient's real name or initials.",
        validators=[refuse_direction_controls],
    )
    # The pseudonym as names are compared (supervision.text.comparable): unique per supervision.
    pseudonym_key = models.CharField(max_length=60, editable=False, default="")
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)
    presenting_problem = models.TextField(
        blank=True, help_text="What brought the patient to therapy, in your own words."
    )
    goals = models.TextField("goals of therapy", blank=True)
    conceptualisation = models.TextField(
        "case conceptualisation",
        blank=True,
        help_text="Early experiences, core beliefs, rules and assumptions, triggers, and what keeps the problem going.",
    )
    situation = models.TextField(
        blank=True, help_text="A typical situation in which the problem shows itself."
    )
    automatic_thoughts = models.TextField(
        blank=True, help_text="What goes through the patient's mind in that situation."
    )
    emotions = models.TextField(blank=True, help_text="Feelings, with how strong they are.")
    bodily_reactions = models.TextField(blank=True, help_text="What the body does.")
    behaviours = models.TextField(
        blank=True, help_text="What the patient does or avoids, and how it keeps the circle going."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["pseudonym", "pk"]
        permissions = [("comment_case", "Can comment on this case")]
        constraints = [
            models.UniqueConstraint(
                fields=["supervision", "pseudonym_key"],
                name="case_pseudonym_unique_per_supervision",
            )
        ]

    def __str__(self) -> str:
        return self.pseudonym

    VICIOUS_CIRCLE = (
        "situation",
        "automatic_thoughts",
        "emotions",
        "bodily_reactions",
        "behaviours",
    )

    def save(self, *args, **kwargs):
        self.pseudonym_key = comparable(self.pseudonym)
        super().save(*args, **kwargs)

    def clean(self):
        self.pseudonym = normalised(self.pseudonym or "").strip()
        self.pseudonym_key = comparable(self.pseudonym)
        errors = {}
        if not self.pseudonym:
            errors["pseudonym"] = "Enter a pseudonym or code for the case."
        elif EMAIL_LIKE.search(self.pseudonym):
            errors["pseudonym"] = "This looks like an e-mail address. Use a pseudonym or code only."
        elif DATE_LIKE.search(self.pseudonym):
            errors["pseudonym"] = (
                "This looks like a date. Leave dates of birth out of the pseudonym."
            )
        elif (
            self.supervision_id
            and Case.objects.filter(
                supervision_id=self.supervision_id, pseudonym_key=self.pseudonym_key
            )
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["pseudonym"] = "You already have a case with this pseudonym in this supervision."
        if errors:
            raise ValidationError(errors)

    @property
    def owner(self):
        return self.supervision.supervisee

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN

    @property
    def vicious_circle(self) -> list[tuple[str, str]]:
        """The five parts of the circle with their labels, in the order they feed each other."""
        return [
            (self._meta.get_field(name).verbose_name.capitalize(), getattr(self, name))
            for name in self.VICIOUS_CIRCLE
        ]


class CaseComment(models.Model):
    """A comment in the conversation about a case between the supervisee and their supervisor."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_comments"
    )
    text = models.TextField("comment", max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Comment by {self.author} on {self.case}"

    def clean(self):
        self.text = (self.text or "").strip()
        if not self.text:
            raise ValidationError({"text": "Write a comment before sending it."})


class CaseUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)


class CaseGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Case, on_delete=models.CASCADE)
