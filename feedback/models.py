"""Feedback on an entry: a supervisor's comments, their edit history, and the replies under each."""

import uuid
from pathlib import PurePath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.text import get_valid_filename
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from supervision.attachments import private_storage
from worksheets.definitions import answer_fields

FEEDBACK_MAX_LENGTH = 10000
REPLY_MAX_LENGTH = 5000
ATTACHMENT_NAME_MAX_LENGTH = 200


def attachment_path(instance, filename: str) -> str:
    # A random folder per file: names never collide and are never guessable.
    name = get_valid_filename(PurePath(filename).name)[-100:] or "attachment"
    entry_id = getattr(instance, "entry_id", None) or instance.feedback.entry_id
    return f"feedback/{entry_id}/{uuid.uuid4().hex}/{name}"


class Feedback(models.Model):
    """A supervisor's comment on an entry as a whole, or on one answer (named by its machine name).

    A draft is seen only by the supervisor who wrote it. Releasing it lets the entry's author read
    it and reply. Released feedback can still be edited; every edit keeps the earlier text as a
    FeedbackRevision.
    """

    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        RELEASED = "released", "Released"

    entry = models.ForeignKey("worksheets.Entry", on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="feedback_given"
    )
    anchor = models.CharField(
        "question",
        max_length=50,
        blank=True,
        help_text="The machine name of the answer commented on; empty for the entry as a whole.",
    )
    body = models.TextField(
        "comment",
        max_length=FEEDBACK_MAX_LENGTH,
        error_messages={"blank": "Write the comment before saving it."},
    )
    attachment = models.FileField(
        upload_to=attachment_path, storage=private_storage, blank=True, max_length=300
    )
    attachment_name = models.CharField(max_length=ATTACHMENT_NAME_MAX_LENGTH, blank=True)
    attachment_type = models.CharField(max_length=100, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    released_at = models.DateTimeField(null=True, blank=True)
    # Optimistic locking: an edit based on an older version is refused, never silently merged.
    version = models.PositiveIntegerField(default=1)
    # The token of the form that created it, so a double click creates one comment.
    client_token = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    edited_at = models.DateTimeField(
        null=True, blank=True, help_text="When released feedback was last changed."
    )

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "feedback"
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_token"], name="feedback_one_per_client_token"
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | Q(released_at__isnull=False),
                name="feedback_released_has_date",
            ),
        ]
        indexes = [models.Index(fields=["entry", "status"], name="feedback_entry_status_idx")]

    def __str__(self) -> str:
        return f"Feedback by {self.author} on {self.entry}"

    @property
    def is_draft(self) -> bool:
        return self.status == self.Status.DRAFT

    @property
    def is_released(self) -> bool:
        return self.status == self.Status.RELEASED

    def clean(self):
        errors = {}
        if self.entry_id:
            if self.author_id and self.author_id == self.entry.author_id:
                errors["author"] = "Feedback comes from a supervisor, not from the entry's author."
            names = {field["name"] for field in answer_fields(self.entry.definition)}
            if self.anchor and self.anchor not in names:
                errors["anchor"] = (
                    "This comment points to a question that is not part of this worksheet."
                )
        if errors:
            raise ValidationError(errors)


class FeedbackRevision(models.Model):
    """What released feedback said before an edit, who changed it and when."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="revisions")
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    edited_at = models.DateTimeField(default=timezone.now)
    version = models.PositiveIntegerField(help_text="The feedback's version before the edit.")
    previous_body = models.TextField(max_length=FEEDBACK_MAX_LENGTH)
    previous_attachment = models.FileField(
        upload_to=attachment_path, storage=private_storage, blank=True, max_length=300
    )
    previous_attachment_name = models.CharField(max_length=ATTACHMENT_NAME_MAX_LENGTH, blank=True)
    previous_attachment_type = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["-edited_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["feedback", "version"], name="feedback_revision_one_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"{self.feedback} before version {self.version + 1}"


class FeedbackReply(models.Model):
    """One message in the thread under a released comment, from the supervisee or the supervisor."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="feedback_replies"
    )
    body = models.TextField(
        "reply",
        max_length=REPLY_MAX_LENGTH,
        error_messages={"blank": "Write your reply before sending it."},
    )
    client_token = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "feedback replies"
        constraints = [
            models.UniqueConstraint(
                fields=["author", "client_token"], name="feedback_reply_one_per_client_token"
            )
        ]

    def __str__(self) -> str:
        return f"Reply by {self.author} on {self.feedback}"


class FeedbackUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Feedback, on_delete=models.CASCADE)


class FeedbackGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Feedback, on_delete=models.CASCADE)
