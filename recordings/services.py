"""Writes for recordings: creating one from a finished upload, handing it in, review modes,
time-coded comments and replies, ratings, meetings, and deletion (by the owner or on its date).

Every function is one transaction; permissions are granted and revoked only here
(``recordings.permissions`` says who holds what). Files are deleted once the deletion is
committed (``transaction.on_commit``), so a rolled-back action never loses a file.
"""

import datetime
from functools import cache

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import connection, transaction
from django.utils import timezone

from recordings.media import check_name, probe
from recordings.models import (
    Recording,
    RecordingComment,
    RecordingCommentReply,
    RecordingDeletion,
    RecordingRating,
    RecordingUpload,
)
from recordings.notices import KIND_EXPIRING, KIND_HANDED_IN, KIND_RELEASED, KIND_REPLY, notify
from recordings.permissions import (
    OWNER_PERMS,
    PEER_PERMS,
    SUPERVISOR_WHILE_ACTIVE_PERMS,
    peers_of,
)
from supervision.attachments import private_storage
from supervision.models import Meeting, Supervision, User
from supervision.permissions import ClinicalPermissionChecker, grant, revoke
from supervision.rows import rows_read
from worksheets.models import Entry, TemplateVersion
from worksheets.services.entries import entry_start

WARN_DAYS_BEFORE = 7


# --- Settings ------------------------------------------------------------------------------------


def default_keep_days() -> int:
    return getattr(settings, "RECORDING_DEFAULT_KEEP_DAYS", 90)


def longest_keep_days() -> int:
    """The programme-wide maximum between upload and deletion."""
    return getattr(settings, "RECORDING_MAX_KEEP_DAYS", 365)


def default_delete_by(today: datetime.date | None = None) -> datetime.date:
    today = today or timezone.localdate()
    return today + datetime.timedelta(days=min(default_keep_days(), longest_keep_days()))


def validate_delete_by(delete_by: datetime.date, *, uploaded_on: datetime.date) -> None:
    latest = uploaded_on + datetime.timedelta(days=longest_keep_days())
    if delete_by <= timezone.localdate():
        raise ValidationError({"delete_by": "Choose a date after today."})
    if delete_by > latest:
        raise ValidationError(
            {
                "delete_by": f"Recordings are kept at most {longest_keep_days()} days: "
                f"choose {latest:%-d %B %Y} or earlier."
            }
        )


def _check_details(recording: Recording, delete_by: datetime.date, *, uploaded_on) -> None:
    """The model's checks and the delete-by rule together, so a person sees every problem at once."""
    errors = {}
    try:
        recording.full_clean(exclude=["file"], validate_constraints=False)
    except ValidationError as error:
        errors.update(error.message_dict)
    try:
        validate_delete_by(delete_by, uploaded_on=uploaded_on)
    except ValidationError as error:
        errors.update(error.message_dict)
    if errors:
        raise ValidationError(errors)


# --- Creating, handing in ------------------------------------------------------------------------


def recording_upload_store(*, owner: User, file_name: str, handle) -> RecordingUpload:
    """A finished, checked upload from a file in hand (the demo; tests), copied in pieces.

    Raises the same ValidationError as the tus endpoint for a file that is not a recording.
    """
    check_name(file_name)
    upload = RecordingUpload(owner=owner, file_name=file_name[-200:], length=0)
    upload.path = f"recordings/uploads/{upload.id.hex}"
    storage = private_storage()
    stored = storage.save(upload.path, File(handle, name=file_name))
    upload.path = stored
    upload.length = upload.offset = storage.size(stored)
    try:
        if upload.length == 0:
            raise ValidationError("This file is empty.", code="empty")
        found = probe(storage.path(stored), file_name)
    except ValidationError:
        storage.delete(stored)
        raise
    upload.duration_seconds, upload.content_type = found.duration_seconds, found.content_type
    upload.save()
    return upload


@transaction.atomic
def recording_create(
    *,
    owner: User,
    upload: RecordingUpload,
    supervision: Supervision,
    kind: str,
    description: str,
    consent_by: str,
    consent_method: str,
    consent_on: datetime.date,
    consent_use: str,
    delete_by: datetime.date,
    case=None,
    entry: Entry | None = None,
) -> Recording:
    """A draft recording (its owner's alone) from a finished, checked upload.

    Raises ValidationError (per field) for bad details, for a supervision the owner is not the
    supervisee of, or for an upload that is not theirs or not finished; nothing is stored then.
    """
    upload = RecordingUpload.objects.select_for_update().filter(pk=upload.pk).first()
    if upload is None or upload.owner_id != owner.pk:
        raise ValidationError({"upload": "Upload the recording file first."})
    if not upload.is_complete:
        raise ValidationError({"upload": "The upload has not finished; resume it and try again."})
    if entry is not None and (entry.author_id != owner.pk or not entry.is_editable):
        raise ValidationError({"entry": "Choose a self-review you are still working on."})
    recording = Recording(
        owner=owner,
        supervision=supervision,
        case=case,
        kind=kind,
        description=description.strip(),
        consent_by=consent_by.strip(),
        consent_method=consent_method,
        consent_on=consent_on,
        consent_use=consent_use.strip(),
        file_name=upload.file_name,
        content_type=upload.content_type,
        size_bytes=upload.length,
        duration_seconds=upload.duration_seconds,
        delete_by=delete_by,
        entry=entry,
    )
    _check_details(recording, delete_by, uploaded_on=timezone.localdate())
    storage = private_storage()
    with storage.open(upload.path, "rb") as handle:
        recording.file.save(upload.file_name, File(handle), save=False)
    try:
        recording.save()
        grant(owner, OWNER_PERMS, recording)
        upload.delete()
    except Exception:
        # Nothing half-stored: the copy goes with the rolled-back row.
        storage.delete(recording.file.name)
        raise
    upload_path = upload.path
    transaction.on_commit(lambda: storage.delete(upload_path))
    return recording


def _lock(recording: Recording) -> Recording:
    return (
        Recording.objects.select_for_update(of=("self",))
        .select_related("supervision", "owner")
        .get(pk=recording.pk)
    )


def _apply_review_mode(recording: Recording) -> None:
    """Peers hold view and review exactly when the recording is handed in and reviewed by peers."""
    peers = list(peers_of(recording.supervision))
    wanted = recording.is_handed_in and recording.review_mode != Recording.ReviewMode.PRIVATE
    for peer in peers:
        (grant if wanted else revoke)(peer, PEER_PERMS, recording)


@transaction.atomic
def recording_hand_in(*, recording: Recording, actor: User | None = None) -> Recording:
    """The supervisor may now review and rate it; the owner's self-review comments go with it.

    Handing in twice does nothing more. Raises PermissionDenied for anyone but the owner, and
    ValidationError once the supervision has ended: its supervisor gets nothing new to read
    (DESIGN.md, "Ending a supervision stops the supervisor's access to anything new").
    """
    current = _lock(recording)
    if actor is not None and actor.pk != current.owner_id:
        raise PermissionDenied("Only the person who uploaded the recording hands it in.")
    if current.is_handed_in:
        return current
    if not current.supervision.is_active:
        raise ValidationError(
            "The supervision this recording was uploaded for has ended, so it can no longer be "
            "handed in for review. It stays yours to watch or delete."
        )
    now = timezone.now()
    claimed = Recording.objects.filter(pk=current.pk, handed_in_at__isnull=True).update(
        handed_in_at=now
    )
    if claimed != 1:
        return _lock(recording)
    current.handed_in_at = now
    RecordingComment.objects.filter(
        recording=current, author_id=current.owner_id, status=RecordingComment.Status.DRAFT
    ).update(status=RecordingComment.Status.RELEASED, released_at=now)
    supervision = current.supervision
    grant(supervision.supervisor, ("view_recording",), current)
    if supervision.is_active:
        grant(supervision.supervisor, SUPERVISOR_WHILE_ACTIVE_PERMS, current)
    _apply_review_mode(current)
    notify(
        recipient=supervision.supervisor,
        actor=current.owner,
        kind=KIND_HANDED_IN,
        title=f"{current.owner.name} handed in a recording for review",
        recording=current,
        event_key=f"recording-handed-in:{current.pk}",
    )
    return current


@transaction.atomic
def recording_review_mode_set(*, recording: Recording, mode: str, actor: User) -> Recording:
    """The supervisor chooses who reviews: private, closed or open peer review (groups only)."""
    current = _lock(recording)
    if actor.pk != current.supervision.supervisor_id or not ClinicalPermissionChecker(
        actor
    ).has_perm("review_recording", current):
        raise PermissionDenied("Only the supervisor chooses how a recording is reviewed.")
    if mode not in Recording.ReviewMode.values:
        raise ValidationError({"review_mode": "Choose one of the review modes listed."})
    current.review_mode = mode
    current.full_clean(exclude=["file"], validate_constraints=False)
    current.save(update_fields=["review_mode"])
    _apply_review_mode(current)
    return current


@transaction.atomic
def recording_details_update(
    *, recording: Recording, actor: User, description: str, delete_by: datetime.date
) -> Recording:
    """The owner changes the description or the delete-by date (within the programme maximum)."""
    current = _lock(recording)
    if actor.pk != current.owner_id:
        raise PermissionDenied("Only the person who uploaded the recording changes it.")
    current.description = description.strip()
    _check_details(current, delete_by, uploaded_on=timezone.localdate(current.created_at))
    if delete_by != current.delete_by:
        current.warned_at = None
    current.delete_by = delete_by
    current.save(update_fields=["description", "delete_by", "warned_at"])
    return current


@transaction.atomic
def recording_meeting_link(*, recording: Recording, meeting: Meeting, actor: User) -> Recording:
    """Records that the recording was discussed at a meeting, and marks the meeting as observed.

    The hours log counts a meeting with observation of practice; a reviewed recording is that
    observation (issue 14, item 5), so a meeting without one is marked "a recording was reviewed".
    """
    current = _lock(recording)
    checker = ClinicalPermissionChecker(actor)
    if not (
        checker.has_perm("view_recording", current) and checker.has_perm("view_meeting", meeting)
    ):
        raise PermissionDenied("You cannot link this recording to this meeting.")
    attended = meeting.attendances.filter(supervision_id=current.supervision_id).exists()
    if meeting.supervisor_id != current.supervision.supervisor_id or not attended:
        raise ValidationError(
            {"meeting": "Choose a meeting of the supervision this recording belongs to."}
        )
    current.meetings.add(meeting)
    Meeting.objects.filter(pk=meeting.pk, observation=Meeting.Observation.NONE).update(
        observation=Meeting.Observation.RECORDED
    )
    return current


# --- Comments and replies -----------------------------------------------------------------------


def may_comment(checker: ClinicalPermissionChecker, recording: Recording, user: User) -> bool:
    if recording.owner_id == user.pk:
        return True
    return checker.has_perm("review_recording", recording)


@transaction.atomic
def comment_create(
    *,
    recording: Recording,
    author: User,
    seconds,
    body: str,
) -> RecordingComment:
    """A comment at ``seconds`` (from the start); a draft until released, or until hand-in for
    the owner's self-review. Raises ValidationError for a time beyond the recording's end.

    A double click creates once through the form's one-time key (the view's
    ``supervision.idempotency.create_once``)."""
    current = _lock(recording)
    if not may_comment(ClinicalPermissionChecker(author), current, author):
        raise PermissionDenied("You cannot comment on this recording.")
    owner_after_hand_in = author.pk == current.owner_id and current.is_handed_in
    now = timezone.now()
    comment = RecordingComment(
        recording=current,
        author=author,
        seconds=seconds,
        body=(body or "").strip(),
        status=RecordingComment.Status.RELEASED
        if owner_after_hand_in
        else RecordingComment.Status.DRAFT,
        released_at=now if owner_after_hand_in else None,
    )
    comment.full_clean()
    comment.save()
    return comment


@transaction.atomic
def comments_release(*, recording: Recording, releaser: User) -> int:
    """Release every draft comment of this reviewer on the recording, with one notice.

    Returns how many were released (0 when there were none, e.g. on a second click).
    """
    current = _lock(recording)
    if current.owner_id == releaser.pk:
        raise ValidationError("Your own comments go to your supervisor when you hand it in.")
    if not ClinicalPermissionChecker(releaser).has_perm("review_recording", current):
        raise PermissionDenied("You cannot release comments on this recording.")
    released = RecordingComment.objects.filter(
        recording=current, author=releaser, status=RecordingComment.Status.DRAFT
    ).update(status=RecordingComment.Status.RELEASED, released_at=timezone.now())
    if released:
        comments = "a comment" if released == 1 else f"{released} comments"
        notify(
            recipient=current.owner,
            actor=releaser,
            kind=KIND_RELEASED,
            title=f"{releaser.name} released {comments} on your recording",
            recording=current,
        )
    return released


@transaction.atomic
def comment_discard(*, comment: RecordingComment, actor: User) -> None:
    """Delete a draft comment; released comments are part of the record and stay."""
    current = RecordingComment.objects.select_for_update().get(pk=comment.pk)
    if current.author_id != actor.pk:
        raise PermissionDenied("Only the comment's author may delete it.")
    if current.is_released:
        raise ValidationError("Released comments are part of the record and cannot be deleted.")
    current.delete()


@transaction.atomic
def comment_reply(
    *,
    comment: RecordingComment,
    author: User,
    body: str,
) -> RecordingCommentReply:
    """Answer a released comment the author can read; tells the others in the thread.

    Raises ValidationError for a comment not yet released or an empty reply, PermissionDenied
    for a comment the author cannot read. A double click replies once through the form's
    one-time key (the view's ``supervision.idempotency.create_once``)."""
    from recordings.selectors import comments_visible_to

    current = RecordingComment.objects.select_related("recording__owner", "author").get(
        pk=comment.pk
    )
    if not current.is_released:
        raise ValidationError("You can reply once this comment has been released.")
    if not comments_visible_to(author, current.recording).filter(pk=current.pk).exists():
        raise PermissionDenied("You cannot reply to this comment.")
    reply = RecordingCommentReply(comment=current, author=author, body=(body or "").strip())
    reply.full_clean()
    reply.save()
    recipients = {current.author, current.recording.owner}
    for recipient in recipients:
        notify(
            recipient=recipient,
            actor=author,
            kind=KIND_REPLY,
            title=f"{author.name} replied to a comment on a recording",
            recording=current.recording,
            comment=current,
        )
    return reply


# --- Ratings ------------------------------------------------------------------------------------


@transaction.atomic
def recording_rating_start(
    *,
    recording: Recording,
    rater: User,
    template_version: TemplateVersion,
) -> RecordingRating:
    """A draft competence rating of the recording's owner, made on this recording.

    Only a rater holding ``rate_recording`` (the supervisor, while the supervision runs) may
    start one; the rating questionnaire itself (``entry_start`` with a subject) refuses a
    person the rater does not supervise now and a version that is not a rating. A double click
    starts one rating through the form's one-time key (the view's ``create_once``).
    """
    current = _lock(recording)
    if not ClinicalPermissionChecker(rater).has_perm("rate_recording", current):
        raise PermissionDenied("Only the supervisor rates this recording.")
    if not template_version.is_rating:
        raise ValidationError({"template": "Choose a rating questionnaire."})
    entry = entry_start(author=rater, template_version=template_version, subject=current.owner)
    rating, _ = RecordingRating.objects.get_or_create(entry=entry, defaults={"recording": current})
    return rating


# --- Deleting -----------------------------------------------------------------------------------


def _delete(recording: Recording, reason: str) -> RecordingDeletion:
    name, storage = recording.file.name, recording.file.storage
    deletion = RecordingDeletion.objects.create(
        owner_id=recording.owner_id,
        supervision_id=recording.supervision_id,
        recording_pk=recording.pk,
        created_at=recording.created_at,
        delete_by=recording.delete_by,
        reason=reason,
        comments_deleted=recording.comments.count(),
    )
    recording.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
    return deletion


@transaction.atomic
def recording_delete(*, recording: Recording, actor: User) -> RecordingDeletion:
    """The owner deletes the recording, its file and its comments at any time; the deletion is recorded."""
    current = _lock(recording)
    if actor.pk != current.owner_id or not ClinicalPermissionChecker(actor).has_perm(
        "delete_recording", current
    ):
        raise PermissionDenied("Only the person who uploaded the recording deletes it.")
    return _delete(current, RecordingDeletion.Reason.OWNER)


def recordings_retention(*, today: datetime.date | None = None) -> dict:
    """The daily run: delete what reached its delete-by date, warn a week ahead, drop stale uploads.

    Each recording is deleted in its own transaction, so one failure stops nothing else.
    Returns ``{"deleted": n, "warned": n, "uploads_removed": n}``.
    """
    today = today or timezone.localdate()
    deleted = warned = 0
    for pk in Recording.objects.filter(delete_by__lte=today).values_list("pk", flat=True):
        with transaction.atomic():
            recording = Recording.objects.select_for_update().filter(pk=pk).first()
            if recording is not None and recording.delete_by <= today:
                _delete(recording, RecordingDeletion.Reason.EXPIRED)
                deleted += 1
    soon = today + datetime.timedelta(days=WARN_DAYS_BEFORE)
    for pk in Recording.objects.filter(
        delete_by__lte=soon, delete_by__gt=today, warned_at__isnull=True
    ).values_list("pk", flat=True):
        with transaction.atomic():
            claimed = Recording.objects.filter(pk=pk, warned_at__isnull=True).update(
                warned_at=timezone.now()
            )
            if claimed:
                recording = Recording.objects.select_related("owner").get(pk=pk)
                notify(
                    recipient=recording.owner,
                    actor=None,
                    kind=KIND_EXPIRING,
                    title=f"A recording you uploaded will be deleted on {recording.delete_by:%-d %B %Y}",
                    recording=recording,
                    event_key=f"recording-expiring:{recording.pk}:{recording.delete_by:%Y-%m-%d}",
                    facts={"delete_on": recording.delete_by.isoformat()},
                )
                warned += 1
    removed = 0
    stale = timezone.now() - RecordingUpload.UPLOAD_EXPIRES
    storage = private_storage()
    for upload in RecordingUpload.objects.filter(created_at__lt=stale):
        path = upload.path
        upload.delete()
        storage.delete(path)
        removed += 1
    return {"deleted": deleted, "warned": warned, "uploads_removed": removed}


# --- Reactions to events of the floors below ----------------------------------------------------


def recordings_entry_submitted(*, entry: Entry) -> None:
    """Handing in a recording-analysis self-review hands in the recordings that go with it."""
    # Each is read again under its lock by the hand-in: only its key is needed here, in key
    # order. Every hand-in of a homework entry asks this and almost always finds none: written
    # as SQL once, as its queryset's building cost more than the rest of this reaction.
    for (pk,) in rows_read(_waiting_sql(), [entry.pk]):
        recording_hand_in(recording=Recording(pk=pk))


@cache
def _waiting_sql() -> str:
    """The keys of an entry's recordings not handed in yet (one parameter: the entry's key), in
    key order: ``recordings_entry_submitted``'s read."""
    quote = connection.ops.quote_name
    meta = Recording._meta
    key = quote(meta.pk.column)
    return (
        f"SELECT {key} FROM {quote(meta.db_table)}"
        f" WHERE {quote(meta.get_field('entry').column)} = %s"
        f" AND {quote(meta.get_field('handed_in_at').column)} IS NULL ORDER BY {key}"
    )


def recordings_supervision_ended(*, supervision: Supervision) -> None:
    """The supervisor keeps reading the recordings but no longer comments or rates; a member
    who left the group no longer reviews the others' recordings."""
    recordings = Recording.objects.filter(supervision=supervision)
    revoke(supervision.supervisor, SUPERVISOR_WHILE_ACTIVE_PERMS, recordings)
    if supervision.group_id:
        others = Recording.objects.filter(supervision__group_id=supervision.group_id).exclude(
            owner_id=supervision.supervisee_id
        )
        revoke(supervision.supervisee, PEER_PERMS, others)
