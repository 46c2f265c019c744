"""Recordings of therapy or supervision sessions, their time-coded comments, ratings and deletions.

A recording belongs to the supervisee who uploaded it (the owner) and to one supervision, whose
supervisor reviews it once it is handed in. Who may read and comment is held as object
permissions on the recording (granted in ``recordings.services``); which comments each reader
sees follows the review mode (``recordings.selectors.comments_visible_to``).
"""

import datetime
import uuid

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from supervision.attachments import private_storage

DESCRIPTION_MAX_LENGTH = 500
COMMENT_MAX_LENGTH = 5000


def recording_path(instance, filename: str) -> str:
    # A random folder per file: names never collide and are never guessable.
    return f"recordings/{uuid.uuid4().hex}/{filename}"


class Recording(models.Model):
    class Kind(models.TextChoices):
        THERAPY = "therapy", "A therapy session"
        SUPERVISION = "supervision", "A supervision session I led"

    class ConsentMethod(models.TextChoices):
        WRITTEN = "written", "Signed consent form"
        RECORDED = "recorded", "Spoken consent at the start of the recording"
        ELECTRONIC = "electronic", "Electronic consent form"

    class ReviewMode(models.TextChoices):
        PRIVATE = "private", "Private: only the supervisor reviews it"
        CLOSED = (
            "closed",
            "Closed peer review: peers comment; only the supervisee and supervisor read peers' comments",
        )
        OPEN = "open", "Open peer review: everyone in the group reads every released comment"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="recordings"
    )
    supervision = models.ForeignKey(
        "supervision.Supervision",
        on_delete=models.PROTECT,
        related_name="recordings",
        verbose_name="for supervision with",
    )
    case = models.ForeignKey(
        "supervision.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recordings",
    )
    kind = models.CharField("what was recorded", max_length=20, choices=Kind.choices)
    description = models.CharField(
        max_length=DESCRIPTION_MAX_LENGTH,
        help_text="A few words on the session: what to listen for. No patient names.",
    )
    consent_by = models.CharField(
        "who consented",
        max_length=200,
        help_text="For example “the patient (pseudonym Mr K.)”, never a real name.",
    )
    consent_method = models.CharField("how", max_length=20, choices=ConsentMethod.choices)
    consent_on = models.DateField("when")
    consent_use = models.CharField(
        "consented for",
        max_length=300,
        help_text="The uses agreed, for example “individual and group supervision”.",
    )
    file = models.FileField(upload_to=recording_path, storage=private_storage, max_length=300)
    file_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size_bytes = models.PositiveBigIntegerField()
    duration_seconds = models.FloatField(help_text="Read from the file itself.")
    delete_by = models.DateField(
        help_text="The recording and its comments are deleted on this date."
    )
    review_mode = models.CharField(
        max_length=20, choices=ReviewMode.choices, default=ReviewMode.PRIVATE
    )
    # The self-review entry of a "recording analysis" homework it belongs to.
    entry = models.ForeignKey(
        "worksheets.Entry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="recordings",
    )
    meetings = models.ManyToManyField(
        "supervision.Meeting", blank=True, related_name="recordings", verbose_name="discussed at"
    )
    handed_in_at = models.DateTimeField(null=True, blank=True)
    warned_at = models.DateTimeField(
        null=True, blank=True, help_text="When the owner was told it will soon be deleted."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        permissions = [
            ("review_recording", "Can add time-coded comments to the recording"),
            ("rate_recording", "Can rate the recording"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_seconds__gt=0), name="recording_has_duration"
            ),
            models.CheckConstraint(condition=Q(size_bytes__gt=0), name="recording_not_empty"),
        ]
        indexes = [models.Index(fields=["delete_by"], name="recording_delete_by_idx")]

    def __str__(self) -> str:
        return f"Recording {self.description[:40]} by {self.owner}"

    @property
    def is_handed_in(self) -> bool:
        return self.handed_in_at is not None

    @property
    def is_group(self) -> bool:
        return self.supervision.group_id is not None

    @property
    def title(self) -> str:
        return self.description if len(self.description) <= 60 else self.description[:57] + "…"

    def clean(self):
        errors = {}
        if (
            self.supervision_id
            and self.owner_id
            and self.supervision.supervisee_id != self.owner_id
        ):
            errors["supervision"] = "Choose a supervision in which you are the supervisee."
        if self.case_id and self.case.supervision_id != self.supervision_id:
            errors["case"] = "This case is not brought to the supervision you chose."
        if self.consent_on and self.consent_on > timezone.localdate():
            errors["consent_on"] = "Consent cannot be dated in the future."
        peer_review = self.review_mode != self.ReviewMode.PRIVATE
        if peer_review and self.supervision_id and self.supervision.group_id is None:
            errors["review_mode"] = "Peer review needs a supervision group."
        if errors:
            raise ValidationError(errors)


class RecordingComment(models.Model):
    """A comment pinned to a moment of a recording: a review, a peer's, or the owner's self-review.

    A comment is a draft (its author's alone) until released; the owner's self-review comments
    are released when the recording is handed in.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        RELEASED = "released", "Released"

    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recording_comments"
    )
    seconds = models.DecimalField(
        "time", max_digits=9, decimal_places=1, help_text="Seconds from the start."
    )
    body = models.TextField(
        "comment",
        max_length=COMMENT_MAX_LENGTH,
        error_messages={"blank": "Write the comment before saving it."},
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    released_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["seconds", "created_at", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(seconds__gte=0), name="recording_comment_time"),
        ]

    def __str__(self) -> str:
        return f"Comment at {self.timestamp} by {self.author}"

    @property
    def is_released(self) -> bool:
        return self.status == self.Status.RELEASED

    @property
    def timestamp(self) -> str:
        return format_seconds(self.seconds)

    def clean(self):
        known = self.recording_id and self.seconds is not None
        if known and float(self.seconds) > self.recording.duration_seconds:
            raise ValidationError(
                {
                    "seconds": f"The recording is only {format_seconds(self.recording.duration_seconds)} "
                    "long; choose a time within it."
                }
            )


class RecordingCommentReply(models.Model):
    comment = models.ForeignKey(RecordingComment, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recording_replies"
    )
    body = models.TextField(
        "reply",
        max_length=COMMENT_MAX_LENGTH,
        error_messages={"blank": "Write your reply before sending it."},
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"Reply by {self.author}"


class RecordingRating(models.Model):
    """A competence rating (a rating questionnaire entry about the owner) made on a recording."""

    recording = models.ForeignKey(Recording, on_delete=models.CASCADE, related_name="ratings")
    entry = models.OneToOneField(
        "worksheets.Entry", on_delete=models.CASCADE, related_name="recording_rating"
    )

    def __str__(self) -> str:
        return f"Rating {self.entry_id} of {self.recording_id}"


class RecordingUpload(models.Model):
    """A resumable (tus) upload under way: the bytes received so far, in private storage.

    Once complete and checked it becomes a Recording (``recordings.services.recording_create``);
    unfinished uploads are removed by the daily retention run after ``UPLOAD_EXPIRES``.
    """

    UPLOAD_EXPIRES = datetime.timedelta(days=1)

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recording_uploads"
    )
    file_name = models.CharField(max_length=200)
    length = models.PositiveBigIntegerField()
    offset = models.PositiveBigIntegerField(default=0)
    path = models.CharField(max_length=300)
    content_type = models.CharField(max_length=100, blank=True)
    duration_seconds = models.FloatField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Upload {self.id} ({self.offset}/{self.length})"

    @property
    def is_complete(self) -> bool:
        return self.offset == self.length and self.duration_seconds is not None


class RecordingDeletion(models.Model):
    """The record that a recording existed and was deleted: when, why and by whom; no content."""

    class Reason(models.TextChoices):
        EXPIRED = "expired", "Its delete-by date came"
        OWNER = "owner", "Deleted by its owner"

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="recording_deletions"
    )
    supervision = models.ForeignKey(
        "supervision.Supervision", on_delete=models.CASCADE, related_name="+"
    )
    recording_pk = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(help_text="When the recording was uploaded.")
    delete_by = models.DateField()
    deleted_at = models.DateTimeField(default=timezone.now)
    reason = models.CharField(max_length=10, choices=Reason.choices)
    comments_deleted = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-deleted_at", "-pk"]

    def __str__(self) -> str:
        return f"Recording {self.recording_pk} deleted ({self.reason})"


def format_seconds(seconds) -> str:
    """``75.3`` -> ``"1:15"``; an hour or more -> ``"1:02:03"``."""
    total = int(float(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class RecordingUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Recording, on_delete=models.CASCADE)


class RecordingGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Recording, on_delete=models.CASCADE)
