"""Starting, autosaving, submitting and sharing entries, with the permissions that come with them.

Saving is optimistic: each save names the version of the entry it was based on and the editing
session (one browser tab) it comes from. A save based on an older version is refused unless that
same session made every later save, so a second tab or device can never overwrite newer text.
"""

import copy
import datetime
import json
import uuid
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from django.db.models import Count, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from supervision.models import User
from supervision.permissions import grant, revoke
from supervision.selectors.relationships import supervisions_as_supervisor
from supervision.writes import row_insert, rows_update
from worksheets import definitions as d
from worksheets.models import Entry, EntryUserObjectPermission, Submission, TemplateVersion
from worksheets.models.entries import REFLECTION_MAX_LENGTH
from worksheets.permissions import ENTRY_DRAFT_AUTHOR_PERMS, ENTRY_EDIT_PERMS, ENTRY_READER_PERMS
from worksheets.scoring.definitions import Questionnaire
from worksheets.scoring.results import AnswerError, score_questionnaire
from worksheets.signals import entry_reopened, entry_shared, entry_submitted, entry_unshared


class EntryConflict(Exception):
    """The entry changed elsewhere (another tab or device) since this page loaded it."""

    def __init__(self, entry: Entry):
        self.entry = entry
        super().__init__(
            "This entry was changed in another tab or on another device after you opened it, "
            "so your changes here were not saved."
        )


class EntryNotEditable(Exception):
    """The entry has been submitted and can no longer change."""

    def __init__(self, entry: Entry):
        self.entry = entry
        super().__init__("This entry has already been submitted and can no longer be changed.")


def _check_subject(
    author: User, template_version: TemplateVersion | None, subject: User | None
) -> None:
    if template_version is not None and template_version.is_rating:
        if subject is None:
            raise ValidationError(
                {"subject": "This questionnaire is a rating of someone else: choose whom you rate."}
            )
        if not supervisions_as_supervisor(author).filter(supervisee=subject).exists():
            raise ValidationError({"subject": "You can rate only people you currently supervise."})
    elif subject is not None:
        raise ValidationError(
            {"subject": "Only a questionnaire rated by someone else is about another person."}
        )


@transaction.atomic
def entry_start(
    *,
    author: User,
    template_version: TemplateVersion | None,
    start_token: uuid.UUID | None = None,
    subject: User | None = None,
    title: str = "",
) -> Entry:
    """A new draft, the one way an entry is created; the same start token gives back the same entry.

    Without a ``template_version`` the entry is a free reflection named by ``title``. A
    questionnaire rated by someone else needs a ``subject``: one of the author's current
    supervisees, who sees the rating only once it is released (``entry_release``).
    """
    if start_token is not None:
        existing = Entry.objects.filter(author=author, start_token=start_token).first()
        if existing is not None:
            return existing
    _check_subject(author, template_version, subject)
    entry = Entry(
        author=author,
        template_version=template_version,
        title=title,
        start_token=start_token,
        subject=subject,
        status=Entry.Status.DRAFT,
    )
    entry.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            entry.save()
    except IntegrityError:
        # Two presses of "Start" raced each other; the first one's entry is the one to use.
        return Entry.objects.get(author=author, start_token=start_token)
    grant(author, ENTRY_DRAFT_AUTHOR_PERMS, entry)
    return entry


class _Stale(Exception):
    """The entry changed since the copy a save was decided on was read."""


def _may_save(current: Entry, *, expected_version: int, session: str) -> None:
    """EntryNotEditable or EntryConflict if a save based on ``expected_version`` from ``session``
    may not be stored on ``current``."""
    if not current.is_editable:
        raise EntryNotEditable(current)
    same_session = bool(session) and current.last_edit_session == session
    if current.version != expected_version and not same_session:
        raise EntryConflict(current)


def _save(
    entry: Entry,
    *,
    expected_version: int,
    session: str,
    answers: dict,
    reflection: str,
    more=lambda current: {},
) -> Entry:
    """Store what was typed in ``session``, and ``more(current)`` (a dict of further field
    values, e.g. the hand-in's), on the entry as one new version.

    Decided first on the caller's copy, unread: the update is a compare-and-swap on its version,
    which every write of an entry increases, so it stores nothing if anything changed since that
    copy was read, and the row stays locked from there to the commit. Only when the copy refuses
    the save or is out of date is the entry read again, under a row lock, and the save decided
    on that (``SELECT … FOR UPDATE``, as every save did first before): an open page saves in one
    statement. The caller's object is not changed; the saved entry is returned, with the
    related objects the caller's copy had loaded. Raises EntryNotEditable, EntryConflict, or
    the ValidationError of ``more`` or of the entry's checks.
    """

    def changes(current: Entry) -> dict:
        typed = {"answers": answers, "reflection": reflection, "last_edit_session": session}
        return {**typed, **more(current)}

    current = copy.copy(entry)
    try:
        _may_save(current, expected_version=expected_version, session=session)
        return _store(current, **changes(current))
    except (EntryNotEditable, EntryConflict, ValidationError, _Stale):
        # Refused on what may be out of date: decided again on the locked row, where a refusal
        # is the one the entry as it is now calls for (an entry handed in meanwhile is not
        # editable, whatever its answers).
        pass
    current = Entry.objects.select_for_update().get(pk=entry.pk)
    _may_save(current, expected_version=expected_version, session=session)
    try:
        return _store(current, **changes(current))
    except _Stale:  # the row is locked, but a database without row locks (SQLite) has none
        raise EntryConflict(Entry.objects.get(pk=current.pk)) from None


def _store(current: Entry, **changes) -> Entry:
    """Write ``changes`` and the next version; _Stale if the row is not at ``current.version``."""
    _check_lengths(changes)
    for field, value in changes.items():
        setattr(current, field, value)
    current.version += 1
    current.full_clean(exclude=["template_version", "author"], validate_constraints=False)
    now = timezone.now()
    # Compare-and-swap on the version, so that even a database without row locks (SQLite)
    # never lets two saves of the same version both succeed.
    updated = rows_update(
        Entry,
        {**changes, "version": current.version, "updated_at": now},
        where={"pk": current.pk, "version": current.version - 1},
    )
    if updated != 1:
        current.version -= 1
        raise _Stale
    # What the row now holds, without reading it back: JSON as the database returns it.
    current.updated_at = now
    for field in ("answers", "result"):
        if field in changes:
            setattr(current, field, _as_stored(getattr(current, field)))
    return current


def _as_stored(value):
    """A JSON field's value as it reads back from the database (its encoder's output, parsed)."""
    return None if value is None else json.loads(json.dumps(value, cls=DjangoJSONEncoder))


def _check_lengths(changes: dict) -> None:
    """No write stores more than submitting would: the last guard behind every form and autosave."""
    reflection = changes.get("reflection") or ""
    if len(reflection) > REFLECTION_MAX_LENGTH:
        raise ValidationError(
            {"reflection": f"Ensure this has at most {REFLECTION_MAX_LENGTH:,} characters."}
        )
    for name, value in (changes.get("answers") or {}).items():
        if any(len(text) > d.LONG_TEXT_LIMIT for text in d.answer_texts(value)):
            raise ValidationError(
                {name: f"Ensure this has at most {d.LONG_TEXT_LIMIT:,} characters."}
            )


@transaction.atomic
def entry_save_draft(
    *, entry: Entry, answers: dict, reflection: str, expected_version: int, session: str
) -> Entry:
    """Autosave: keep exactly what was typed, valid or not, so nothing is lost.

    Returns the saved entry (a new object); raises EntryNotEditable, EntryConflict, or
    ValidationError for text longer than submitting would take.
    """
    return _save(
        entry,
        expected_version=expected_version,
        session=session,
        answers=answers,
        reflection=reflection,
    )


def _score(entry: Entry, answers: dict) -> dict | None:
    """A questionnaire's result for these answers, by the version's frozen scoring definition."""
    if not entry.questionnaire:
        return None
    try:
        result = score_questionnaire(Questionnaire.from_dict(entry.questionnaire), answers)
    except AnswerError as error:
        raise ValidationError(
            {
                name: f"This answer cannot be scored: {text}."
                for name, text in error.problems.items()
            }
        ) from error
    return result.to_dict()


@transaction.atomic
def entry_submit(
    *,
    entry: Entry,
    answers: dict,
    reflection: str,
    expected_version: int,
    session: str,
    submitted_at: datetime.datetime | None = None,
) -> Entry:
    """Hand in validated answers; from now on the entry never changes and its author only reads it.

    A questionnaire is scored here, once: the result is stored with the entry. ``submitted_at``
    is for recording an administration that happened earlier (e.g. on paper); it defaults to now.
    """
    handed_in_before = False

    def hand_in(current: Entry) -> dict:
        nonlocal handed_in_before
        # Decided on the copy the save is stored on (the last one asked).
        handed_in_before = current.submitted_at is not None
        return {
            "status": Entry.Status.SUBMITTED,
            "submitted_at": submitted_at or timezone.now(),
            "result": _score(current, answers),
        }

    current = _save(
        entry,
        expected_version=expected_version,
        session=session,
        answers=answers,
        reflection=reflection,
        more=hand_in,
    )
    if handed_in_before:
        # Counted by the insert itself (the entry's row lock keeps the count from changing).
        earlier = Submission.objects.filter(entry_id=current.pk).order_by().values("entry_id")
        number = Coalesce(Subquery(earlier.annotate(n=Count("pk")).values("n")), 0) + 1
    else:
        # Never handed in (submitted_at is set by this service alone, with a submission): the
        # first, without a subquery whose building cost three times the insert's own.
        number = 1
    submission = Submission(
        entry=current,
        number=number,
        answers=current.answers,
        reflection=current.reflection,
        submitted_at=current.submitted_at,
    )
    if handed_in_before:
        submission.save()  # its number is the counting subquery: an expression the ORM writes
    else:
        row_insert(submission)
    revoke(current.author, ENTRY_EDIT_PERMS, current)
    # Homework sends the entry to the supervisor, a lesson's exercise completes the lesson:
    # the apps that know why the entry was written react (worksheets.signals lists them).
    entry_submitted.send(sender=Entry, entry=current, actor=current.author)
    return current


@transaction.atomic
def entry_reopen(*, entry: Entry, actor: User) -> Entry:
    """Give a submitted entry back to its author to revise; reopening twice changes nothing.

    Who may reopen which entry is decided by the app that asks (homework: the assignment's
    supervisor). Sends ``entry_reopened``.
    """
    current = Entry.objects.select_for_update().get(pk=entry.pk)
    if current.status != Entry.Status.SUBMITTED:
        return current
    Entry.objects.filter(pk=current.pk).update(
        status=Entry.Status.REOPENED, version=current.version + 1
    )
    current.refresh_from_db()
    grant(current.author, ENTRY_EDIT_PERMS, current)
    entry_reopened.send(sender=Entry, entry=current, actor=actor)
    return current


@transaction.atomic
def entry_discard(*, entry: Entry) -> Entry | None:
    """Throw away what the author typed since the entry was last handed in, or the whole draft.

    A draft never handed in is deleted (returns None). An entry that was ever handed in is never
    deleted, whatever its state now (issue 10: destructive actions are checked against the
    history, not only the current state): a reopened entry goes back to its last submission's
    answers and stays open for revision (returns the entry). Raises EntryNotEditable for an
    entry that is handed in now.
    """
    current = Entry.objects.select_for_update().get(pk=entry.pk)
    if not current.is_editable:
        raise EntryNotEditable(current)
    last = current.submissions.order_by("-number").first()
    if last is None and current.submitted_at is None:
        current.delete()
        return None
    if last is None:
        # Handed in before submissions were kept: there is nothing to go back to, and nothing
        # handed in may be lost, so the revision stays as it is.
        raise ValidationError("This entry was handed in before; its answers cannot be discarded.")
    Entry.objects.filter(pk=current.pk).update(
        answers=last.answers,
        reflection=last.reflection,
        version=current.version + 1,
        updated_at=timezone.now(),
    )
    current.refresh_from_db()
    return current


def entry_readers(entry: Entry) -> list[User]:
    """Everyone other than the author who may read the entry."""
    holders = EntryUserObjectPermission.objects.filter(
        content_object=entry, permission__codename="view_entry"
    ).exclude(user_id=entry.author_id)
    return list(User.objects.filter(pk__in=holders.values("user_id")))


@transaction.atomic
def entry_release(*, entry: Entry) -> Entry:
    """Let the person rated read a submitted rating, as released feedback; it stays released."""
    current = Entry.objects.select_for_update().get(pk=entry.pk)
    if not current.is_rating:
        raise ValidationError("Only a rating of someone else is released to them.")
    if current.is_editable:
        raise ValidationError("Submit the rating before releasing it.")
    if current.is_released:
        return current
    current.released_at = timezone.now()
    current.full_clean(exclude=["template_version", "author", "subject"])
    current.save(update_fields=["released_at", "updated_at"])
    grant(current.subject, ENTRY_READER_PERMS, current)
    return current


@transaction.atomic
def entry_sharing_set(
    *, entry: Entry, supervisors: Iterable[User], allowed: Iterable[User]
) -> Entry:
    """Let exactly these supervisors read a submitted entry; anyone left out stops seeing it.

    ``allowed`` are the author's current supervisors: only they can be added. Someone shared with
    earlier (even after their supervision ended) can always be removed.
    """
    if entry.is_editable:
        raise ValidationError("Submit the entry before sharing it; drafts are only ever yours.")
    if entry.is_rating:
        raise ValidationError(
            "A rating is shown to the person rated by releasing it, not by sharing it."
        )
    wanted = {person.pk: person for person in supervisors}
    allowed_ids = {person.pk for person in allowed}
    current = {person.pk: person for person in entry_readers(entry)}
    not_allowed = [
        person for pk, person in wanted.items() if pk not in allowed_ids and pk not in current
    ]
    if not_allowed or entry.author_id in wanted:
        raise ValidationError(
            {"supervisors": "You can share an entry only with your current supervisors."}
        )
    for pk, person in wanted.items():
        if pk not in current:
            grant(person, ENTRY_READER_PERMS, entry)
            entry_shared.send(sender=Entry, entry=entry, actor=entry.author, reader=person)
    for pk, person in current.items():
        if pk not in wanted:
            revoke(person, ENTRY_READER_PERMS, entry)
            entry_unshared.send(sender=Entry, entry=entry, actor=entry.author, reader=person)
    return entry
