"""Entries: one person's answers to one worksheet version, kept private unless they share them."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

REFLECTION_MAX_LENGTH = 20000


class Entry(models.Model):
    """A draft is autosaved and seen by its author only; a submitted entry never changes.

    Answers are stored as JSON keyed by the machine names of the version's fields: while the
    entry is a draft they hold what was typed, once submitted the validated values. An entry
    without a template version is a free reflection.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        SUBMITTED = "submitted", "Submitted"
        REOPENED = "reopened", "Reopened"

    EDITABLE_STATUSES = (Status.DRAFT, Status.REOPENED)

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="worksheet_entries"
    )
    template_version = models.ForeignKey(
        "worksheets.TemplateVersion",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="entries",
    )
    title = models.CharField(
        max_length=200, blank=True, help_text="Used when the entry has no worksheet template."
    )
    answers = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    reflection = models.TextField("free reflection", blank=True, max_length=REFLECTION_MAX_LENGTH)
    # A questionnaire's scores, worked out once at submission and never again, so later edits
    # of the questionnaire never change a past result (``scoring.QuestionnaireResult``).
    result = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    # A rating of someone else: the author is the rater, the subject the person rated, who reads
    # it once the rater releases it.
    subject = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ratings_received",
    )
    released_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.DRAFT)
    # Optimistic locking: every save increases the version; a save based on an older one is refused.
    version = models.PositiveIntegerField(default=1)
    last_edit_session = models.CharField(max_length=32, blank=True)
    # The token of the form that started the entry, so pressing "Start" twice starts one entry.
    start_token = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-updated_at", "-pk"]
        verbose_name_plural = "entries"
        constraints = [
            models.UniqueConstraint(
                fields=["author", "start_token"], name="entry_one_per_start_token"
            ),
            models.CheckConstraint(
                condition=~Q(status="submitted") | Q(submitted_at__isnull=False),
                name="entry_submitted_has_date",
            ),
            models.CheckConstraint(
                condition=Q(released_at__isnull=True)
                | Q(subject__isnull=False, status="submitted"),
                name="entry_only_submitted_ratings_released",
            ),
            models.CheckConstraint(
                condition=Q(subject__isnull=True) | ~Q(subject=models.F("author")),
                name="entry_rating_not_of_oneself",
            ),
        ]
        indexes = [models.Index(fields=["author", "status", "-updated_at"])]

    def __str__(self) -> str:
        return self.display_title

    @property
    def display_title(self) -> str:
        if self.template_version_id:
            if self.subject_id:
                return f"{self.template_version.title}: {self.subject.name}"
            return self.template_version.title
        return self.title or "Free reflection"

    @property
    def is_editable(self) -> bool:
        return self.status in self.EDITABLE_STATUSES

    @property
    def definition(self) -> list[dict]:
        return self.template_version.definition if self.template_version_id else []

    @property
    def questionnaire(self) -> dict | None:
        """The scoring definition of the version answered, for questionnaires."""
        return self.template_version.questionnaire if self.template_version_id else None

    @property
    def is_rating(self) -> bool:
        return self.subject_id is not None

    @property
    def is_released(self) -> bool:
        return self.released_at is not None

    def get_data(self) -> dict:
        """The stored answers, keyed by machine name; the one way answers are read back."""
        return dict(self.answers or {})


class Submission(models.Model):
    """What was handed in, each time: an entry reopened and revised keeps every earlier version.

    Written only by ``entry_submit``; never changed or deleted through the product, so a reopened
    entry can go back to what was last handed in and its reader can see what changed.
    """

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="submissions")
    number = models.PositiveIntegerField()
    answers = models.JSONField(default=dict, blank=True, encoder=DjangoJSONEncoder)
    reflection = models.TextField(blank=True, max_length=REFLECTION_MAX_LENGTH)
    submitted_at = models.DateTimeField()

    class Meta:
        ordering = ["entry", "number"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "number"], name="submission_number_unique")
        ]

    def __str__(self) -> str:
        return f"{self.entry} (handed in {self.number})"


class EntryUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Entry, on_delete=models.CASCADE)


class EntryGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Entry, on_delete=models.CASCADE)
