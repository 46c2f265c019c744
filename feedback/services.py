"""Writing, editing, releasing and answering feedback, with the permissions and notices that follow.

Every function is one transaction. Changes that must happen once (a release, an edit based on a
given version) are claimed with a compare-and-swap UPDATE after ``select_for_update``, so a double
click or a second tab cannot repeat them even on a database without row locks (SQLite).
"""

import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from feedback.models import Feedback, FeedbackReply, FeedbackRevision
from feedback.permissions import (
    FEEDBACK_DRAFT_ONLY_PERMS,
    FEEDBACK_READER_PERMS,
    FEEDBACK_WRITER_PERMS,
    may_give_feedback,
)
from notifications.models import Notification
from notifications.services import notification_send
from supervision.attachments import validate_attachment
from supervision.models import User
from supervision.permissions import ClinicalPermissionChecker, grant, revoke
from supervision.viewer import Viewer
from worksheets.models import Entry

NOT_RELEASED = "You can reply once this comment has been released."


class FeedbackConflict(Exception):
    """The comment was changed elsewhere (another tab or device) since this form was opened."""

    def __init__(self, feedback: Feedback):
        self.feedback = feedback
        super().__init__(
            "This comment was changed in another tab or on another device after you opened it, "
            "so your changes were not saved. Your text is kept below; the comment now reads as "
            "shown above it."
        )


def feedback_page_url(entry: Entry, feedback: Feedback | None = None) -> str:
    url = reverse("feedback:entry_feedback", args=[entry.pk])
    return f"{url}#feedback-{feedback.pk}" if feedback else url


def _attach(feedback: Feedback, upload: UploadedFile | None, errors: dict) -> None:
    if upload is None:
        return
    try:
        feedback.attachment_type = validate_attachment(upload)
    except ValidationError as error:
        errors["attachment"] = error.messages
        return
    feedback.attachment = upload
    feedback.attachment_name = upload.name.rsplit("/", 1)[-1][-200:]


def _validated(feedback: Feedback, errors: dict, exclude: list[str] | None = None) -> None:
    """Model checks and attachment checks together, so a person sees every problem at once."""
    try:
        feedback.full_clean(exclude=exclude, validate_constraints=False)
    except ValidationError as error:
        for field, messages in error.message_dict.items():
            errors.setdefault(field, []).extend(messages)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def feedback_create(
    *,
    entry: Entry,
    author: User,
    body: str,
    anchor: str = "",
    attachment: UploadedFile | None = None,
    client_token: uuid.UUID | None = None,
) -> Feedback:
    """A draft comment on the entry (``anchor`` empty) or on one answer; only its author sees it."""
    if client_token is not None:
        existing = Feedback.objects.filter(author=author, client_token=client_token).first()
        if existing is not None:
            return existing
    entry = (
        Entry.objects.select_for_update(of=("self",))
        .select_related("template_version")
        .get(pk=entry.pk)
    )
    if not may_give_feedback(Viewer(author), entry):
        raise PermissionDenied("Only a supervisor who can read this submitted entry may comment.")
    feedback = Feedback(
        entry=entry, author=author, anchor=anchor, body=body.strip(), client_token=client_token
    )
    errors: dict = {}
    _attach(feedback, attachment, errors)
    _validated(feedback, errors)
    try:
        with transaction.atomic():
            feedback.save()
    except IntegrityError:
        # Two presses of "Save" raced each other; the first one's comment is the one to keep.
        return Feedback.objects.get(author=author, client_token=client_token)
    grant(author, FEEDBACK_WRITER_PERMS, feedback)
    return feedback


def _locked_for_writer(feedback: Feedback, writer: User) -> Feedback:
    current = (
        Feedback.objects.select_for_update(of=("self",))
        .select_related("entry__template_version", "entry__author", "author")
        .get(pk=feedback.pk)
    )
    if current.author_id != writer.pk or not ClinicalPermissionChecker(writer).has_perm(
        "change_feedback", current
    ):
        raise PermissionDenied("Only the supervisor who wrote this comment may change it.")
    return current


def _claim_version(current: Feedback, expected_version: int) -> None:
    claimed = Feedback.objects.filter(pk=current.pk, version=expected_version).update(
        version=F("version") + 1
    )
    if claimed != 1:
        raise FeedbackConflict(Feedback.objects.select_related("author").get(pk=current.pk))
    current.version = expected_version + 1


@transaction.atomic
def feedback_update(
    *,
    feedback: Feedback,
    editor: User,
    body: str,
    expected_version: int,
    attachment: UploadedFile | None = None,
    remove_attachment: bool = False,
) -> Feedback:
    """Change a comment; once released, the earlier text is kept as a revision."""
    current = _locked_for_writer(feedback, editor)
    if current.version != expected_version:
        raise FeedbackConflict(current)
    body = body.strip()
    replacing = attachment is not None or (remove_attachment and bool(current.attachment))
    if body == current.body and not replacing:
        return current
    previous = {
        "previous_body": current.body,
        "previous_attachment": current.attachment.name,
        "previous_attachment_name": current.attachment_name,
        "previous_attachment_type": current.attachment_type,
    }
    current.body = body
    errors: dict = {}
    if remove_attachment and attachment is None:
        current.attachment, current.attachment_name, current.attachment_type = "", "", ""
    _attach(current, attachment, errors)
    _validated(current, errors, exclude=["entry", "author"])
    _claim_version(current, expected_version)
    if current.is_released:
        FeedbackRevision.objects.create(
            feedback=current, edited_by=editor, version=expected_version, **previous
        )
        current.edited_at = timezone.now()
    elif replacing and previous["previous_attachment"]:
        # A draft keeps no history: the file it no longer uses goes once the change is committed.
        name = previous["previous_attachment"]
        storage = current.attachment.storage
        transaction.on_commit(lambda: storage.delete(name))
    current.save()
    return current


def _notify_release(entry: Entry, releaser: User, count: int, first: Feedback) -> None:
    comments = "a comment" if count == 1 else f"{count} comments"
    notification_send(
        recipient=entry.author,
        actor=releaser,
        kind=Notification.Kind.FEEDBACK_RELEASED,
        title=f"{releaser.name} released {comments} on “{entry.display_title}”",
        url=feedback_page_url(entry, first if count == 1 else None),
        event_key=f"feedback:{first.pk}:released:{count}",
    )


def _released(feedback: Feedback) -> None:
    grant(feedback.entry.author, FEEDBACK_READER_PERMS, feedback)
    revoke(feedback.author, FEEDBACK_DRAFT_ONLY_PERMS, feedback)


@transaction.atomic
def feedback_release(*, feedback: Feedback, releaser: User) -> Feedback:
    """Let the entry's author read the comment and tell them; releasing twice does nothing more."""
    current = _locked_for_writer(feedback, releaser)
    if current.is_released:
        return current
    now = timezone.now()
    claimed = Feedback.objects.filter(pk=current.pk, status=Feedback.Status.DRAFT).update(
        status=Feedback.Status.RELEASED, released_at=now, version=F("version") + 1
    )
    current.refresh_from_db()
    if claimed != 1:
        return current
    _released(current)
    _notify_release(current.entry, releaser, 1, current)
    return current


@transaction.atomic
def feedback_release_all(*, entry: Entry, releaser: User) -> list[Feedback]:
    """Release every draft this supervisor wrote on the entry, with one notice for all of them."""
    drafts = list(
        Feedback.objects.select_for_update(of=("self",))
        .filter(entry=entry, author=releaser, status=Feedback.Status.DRAFT)
        .select_related("entry__author", "entry__template_version", "author")
        .order_by("created_at", "pk")
    )
    checker = ClinicalPermissionChecker(releaser)
    if drafts:
        checker.prefetch_perms(drafts)
    drafts = [draft for draft in drafts if checker.has_perm("change_feedback", draft)]
    now = timezone.now()
    released = []
    for draft in drafts:
        claimed = Feedback.objects.filter(pk=draft.pk, status=Feedback.Status.DRAFT).update(
            status=Feedback.Status.RELEASED, released_at=now, version=F("version") + 1
        )
        if claimed == 1:
            draft.status, draft.released_at = Feedback.Status.RELEASED, now
            draft.version += 1
            released.append(draft)
    if released:
        # One bulk grant and revoke for all of them, however many there are.
        batch = Feedback.objects.filter(pk__in=[draft.pk for draft in released])
        grant(released[0].entry.author, FEEDBACK_READER_PERMS, batch)
        revoke(releaser, FEEDBACK_DRAFT_ONLY_PERMS, batch)
        _notify_release(released[0].entry, releaser, len(released), released[0])
    return released


@transaction.atomic
def feedback_discard(*, feedback: Feedback, discarder: User) -> None:
    """Delete a draft comment its supervisor no longer wants; released feedback is kept."""
    current = _locked_for_writer(feedback, discarder)
    if current.is_released or not ClinicalPermissionChecker(discarder).has_perm(
        "delete_feedback", current
    ):
        raise ValidationError("Released feedback is part of the record and cannot be deleted.")
    name, storage = current.attachment.name, current.attachment.storage
    current.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def feedback_reply(
    *, feedback: Feedback, author: User, body: str, client_token: uuid.UUID | None = None
) -> FeedbackReply:
    """Add to the thread under a released comment and tell the other person in it."""
    if client_token is not None:
        existing = FeedbackReply.objects.filter(author=author, client_token=client_token).first()
        if existing is not None:
            return existing
    current = (
        Feedback.objects.select_for_update(of=("self",))
        .select_related("entry__author", "entry__template_version", "author")
        .get(pk=feedback.pk)
    )
    parties = {current.author_id, current.entry.author_id}
    if author.pk not in parties or not ClinicalPermissionChecker(author).has_perm(
        "view_feedback", current
    ):
        raise PermissionDenied("Only the supervisor and the entry's author reply to feedback.")
    if not current.is_released:
        raise ValidationError(NOT_RELEASED)
    reply = FeedbackReply(
        feedback=current, author=author, body=body.strip(), client_token=client_token
    )
    reply.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            reply.save()
    except IntegrityError:
        return FeedbackReply.objects.get(author=author, client_token=client_token)
    other = current.entry.author if author.pk == current.author_id else current.author
    notification_send(
        recipient=other,
        actor=author,
        kind=Notification.Kind.REPLY_RECEIVED,
        title=f"{author.name} replied about feedback on “{current.entry.display_title}”",
        url=feedback_page_url(current.entry, current),
        event_key=f"feedback-reply:{reply.pk}",
    )
    return reply
