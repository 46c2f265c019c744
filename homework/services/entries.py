"""Doing homework: starting the entry for an occurrence, handing it in, and reopening it."""

from functools import cache
from pathlib import PurePath

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment, EntryAttachment, Occurrence, Reopening
from notifications.models import Notification, NotificationPreference
from notifications.services import notification_send
from supervision.attachments import validate_attachment
from supervision.models import Supervision, User
from supervision.permissions import grant
from supervision.rows import Columns, objects_built, related_set, row_read
from supervision.writes import rows_update
from worksheets.models import Entry
from worksheets.permissions import ENTRY_READER_PERMS
from worksheets.services.entries import entry_reopen as worksheet_entry_reopen
from worksheets.services.entries import entry_start

OPEN_STATUSES = (Assignment.Status.ACTIVE, Assignment.Status.DONE)
ENDED = "This homework's supervision has ended, so its entries no longer change."


def _supervision_runs(entry: Entry) -> bool:
    """Whether the supervision of the entry's homework is still running (ending closes it)."""
    occurrence = Occurrence.objects.select_related("assignment__supervision").get(entry=entry)
    return occurrence.assignment.supervision.is_active


@transaction.atomic
def occurrence_entry_start(*, occurrence: Occurrence, author) -> Entry:
    """The entry for this occurrence, created on first use; a second start returns the same one."""
    occurrence = (
        # Only the occurrence row is locked and re-read after waiting; joined rows would come
        # from the older snapshot, so the entry is looked up afresh below.
        Occurrence.objects.select_for_update(of=("self",))
        .select_related(
            "assignment__supervision", "assignment__worksheet_version", "worksheet_version"
        )
        .get(pk=occurrence.pk)
    )
    assignment = occurrence.assignment
    if author.pk != assignment.supervision.supervisee_id:
        raise PermissionDenied
    if occurrence.entry_id is not None:
        return Entry.objects.get(pk=occurrence.entry_id)
    if assignment.status not in OPEN_STATUSES:
        raise ValidationError("This homework is not open for entries.")
    if occurrence.held:
        raise ValidationError("This step is not open yet; it opens when it is released.")
    # A step of a homework in steps has its own worksheet (or none: a free reflection).
    own = assignment.schedule == Assignment.Schedule.STEPS
    version = occurrence.worksheet_version if own else assignment.worksheet_version
    entry = entry_start(
        author=author,
        template_version=version,
        title="" if version is not None else occurrence.label,
    )
    occurrence.entry = entry
    occurrence.save(update_fields=["entry"])
    return entry


def occurrence_of(entry: Entry) -> Occurrence | None:
    """The occurrence the entry was written for, or None (self-practice, a lesson's exercise).

    Read from the entry when it was loaded with it (as the entry's edit page does its hand-in:
    ``worksheets.selectors.entries.own_entry_with_links``), else one query.
    """
    try:
        return entry.occurrence
    except Occurrence.DoesNotExist:
        return None


def homework_entry_submitted(*, entry: Entry) -> None:
    """On ``entry_submitted``, inside the submit transaction: the supervisor may now read it.

    Entries that belong to no homework (self-practice) change nothing here. For a homework
    entry loaded with its links, four statements: the assignment locked (with its supervisor
    and their notice preferences), the supervisor's read permission, the assignment done if
    nothing else is outstanding, the notice. The occurrence keeps the assignment read, for the
    receivers after this one (pathways).
    """
    occurrence = occurrence_of(entry)
    if occurrence is None:
        return  # self-practice: private until the author shares it
    # Locked, so that the last two occurrences handed in at once decide one after the other
    # whether the homework is done: each statement after this one sees the other's hand-in.
    assignment = _assignment_locked(occurrence.assignment_id)
    occurrence.assignment = assignment
    if (
        assignment.category == Assignment.Category.RECORDING
        # A homework in steps checks its own recording-analysis steps (pathways.receivers).
        and assignment.schedule != Assignment.Schedule.STEPS
        and not entry.recordings.exists()
    ):
        # A recording analysis is a self-review of a recorded session (issue 14): handed in
        # without its recording the supervisor has nothing to review. ``recordings`` is the
        # reverse name of recordings.Recording.entry; homework names no recordings module.
        raise ValidationError(
            "This homework is a recording analysis: upload the recording this self-review is "
            'about ("Upload the recording for this self-review" on the homework page), then '
            "hand it in."
        )
    supervisor = assignment.supervision.supervisor
    if assignment.supervision.is_active:
        grant(supervisor, ENTRY_READER_PERMS, entry)
    if assignment.status == Assignment.Status.ACTIVE:
        _done_unless_outstanding(assignment, entry)
    notification_send(
        recipient=supervisor,
        actor=entry.author,
        kind=Notification.Kind.ENTRY_SUBMITTED,
        title=f"{entry.author.name} handed in “{assignment.title}”",
        url=reverse("feedback:entry_feedback", args=[entry.pk]),
        event_key=f"entry:{entry.pk}:submitted:{entry.submitted_at:%Y%m%dT%H%M%S.%f}",
    )


def _assignment_locked(pk: int) -> Assignment:
    """The assignment, its row alone locked until the transaction ends (``SELECT … FOR UPDATE
    OF``), with its supervision, the supervisor and their notice preferences joined as
    ``select_related`` joins them (no preferences saved: known to be none, the defaults apply).
    Assignment.DoesNotExist if there is no such assignment.

    One statement, written once per process (``_assignment_locked_sql``): built from a queryset
    (``select_for_update`` and three levels of ``select_related``) it cost a hand-in six times
    the Python of reading the row (issue 11, the submit POST).
    """
    sql, parts = _assignment_locked_sql()
    row = row_read(sql, [pk])
    if row is None:
        raise Assignment.DoesNotExist(f"No assignment {pk}.")
    assignment, supervision, supervisor, preference = objects_built(row, parts)
    related_set(assignment, Assignment._meta.get_field("supervision"), supervision)
    related_set(supervision, Supervision._meta.get_field("supervisor"), supervisor)
    related_set(
        supervisor, NotificationPreference._meta.get_field("person").remote_field, preference
    )
    return assignment


@cache
def _assignment_locked_sql() -> tuple[str, tuple[Columns, ...]]:
    """``_assignment_locked``'s statement (one parameter: the assignment's key) and the columns
    of its four objects, in the order they are selected."""
    quote = connection.ops.quote_name
    parts = (
        Columns(Assignment, "a"),
        Columns(Supervision, "s"),
        Columns(User, "u"),
        Columns(NotificationPreference, "p"),
    )

    def joined(alias: str, key, to: str) -> str:
        """The table ``key`` (a foreign key of the table ``to``) points to, as ``alias``."""
        model = key.related_model
        kind = "LEFT OUTER JOIN" if key.null else "INNER JOIN"
        return (
            f" {kind} {quote(model._meta.db_table)} {alias}"
            f" ON {alias}.{quote(model._meta.pk.column)} = {to}.{quote(key.column)}"
        )

    person = NotificationPreference._meta.get_field("person")
    sql = (
        f"SELECT {', '.join(part.sql for part in parts)}"
        f" FROM {quote(Assignment._meta.db_table)} a"
        + joined("s", Assignment._meta.get_field("supervision"), "a")
        + joined("u", Supervision._meta.get_field("supervisor"), "s")
        + f" LEFT OUTER JOIN {quote(NotificationPreference._meta.db_table)} p"
        f" ON p.{quote(person.column)} = u.{quote(User._meta.pk.column)}"
        f" WHERE a.{quote(Assignment._meta.pk.column)} = %s"
    )
    if connection.features.has_select_for_update:  # SQLite has no row locks, nor the clause
        sql += f" {connection.ops.for_update_sql(of=('a',))}"
    return sql, parts


def _done_unless_outstanding(assignment: Assignment, entry: Entry) -> None:
    """Mark the locked, active assignment done when every other occurrence is handed in.

    One update whose condition asks whether any is outstanding (asking first and then saving
    took two statements when it was done, one when it was not).
    """
    now = timezone.now()
    done = rows_update(
        Assignment,
        {"status": Assignment.Status.DONE, "version": assignment.version + 1, "updated_at": now},
        where={"pk": assignment.pk},
        condition=_nothing_outstanding_sql(),
        condition_params=[entry.pk, Entry.Status.SUBMITTED.value],
    )
    if done:
        assignment.status = Assignment.Status.DONE
        assignment.version += 1
        assignment.updated_at = now


@cache
def _nothing_outstanding_sql() -> str:
    """``NOT EXISTS`` an occurrence of the updated assignment other than the entry's (first
    parameter) without a handed-in entry (status the second): the condition of
    ``_done_unless_outstanding``'s update.

    Written as SQL once: the same condition built from querysets (``~Exists`` of an occurrence
    queryset with two excludes) cost three quarters of the hand-in's work in homework, in
    Django's query building (issue 11, the submit POST).
    """
    quote = connection.ops.quote_name
    occurrences, entries, assignments = Occurrence._meta, Entry._meta, Assignment._meta

    def column(meta, name: str) -> str:
        return quote(meta.get_field(name).column)

    entry_id = f"o.{column(occurrences, 'entry')}"
    status = f"e.{column(entries, 'status')}"
    return (
        f"NOT EXISTS (SELECT 1 FROM {quote(occurrences.db_table)} o"
        f" LEFT OUTER JOIN {quote(entries.db_table)} e"
        f" ON e.{quote(entries.pk.column)} = {entry_id}"
        f" WHERE o.{column(occurrences, 'assignment')}"
        f" = {quote(assignments.db_table)}.{quote(assignments.pk.column)}"
        f" AND ({entry_id} IS NULL OR {entry_id} <> %s)"
        f" AND ({status} IS NULL OR {status} <> %s))"
    )


@transaction.atomic
def entry_reopen(*, entry: Entry, supervisor, note: str) -> Entry:
    """Send a submitted homework entry back to its author for revision."""
    entry = Entry.objects.select_for_update().select_related("author").get(pk=entry.pk)
    occurrence = Occurrence.objects.select_related("assignment__supervision").filter(entry=entry)
    occurrence = occurrence.first()
    if occurrence is None or occurrence.assignment.supervision.supervisor_id != supervisor.pk:
        raise PermissionDenied
    note = (note or "").strip()
    if not note:
        raise ValidationError({"note": "Say what to revise, so the change can be made."})
    if entry.status != Entry.Status.SUBMITTED:
        return entry  # reopening twice changes nothing
    reopening = Reopening.objects.create(entry=entry, reopened_by=supervisor, note=note)
    entry = worksheet_entry_reopen(entry=entry, actor=supervisor)
    notification_send(
        recipient=entry.author,
        actor=supervisor,
        kind=Notification.Kind.ENTRY_REOPENED,
        title=f"{supervisor.name} reopened “{occurrence.assignment.title}” for revision",
        url=reverse("worksheets:entry_edit", args=[entry.pk]),
        event_key=f"entry:{entry.pk}:reopened:{reopening.pk}",
    )
    return entry


MAX_ATTACHMENTS_PER_ENTRY = 10


@transaction.atomic
def entry_attachment_add(*, entry: Entry, author, upload) -> EntryAttachment:
    """Attach a checked file to the author's own homework entry while it can still change."""
    entry = Entry.objects.select_for_update().get(pk=entry.pk)
    if entry.author_id != author.pk or not Occurrence.objects.filter(entry=entry).exists():
        raise PermissionDenied
    if not entry.is_editable:
        raise ValidationError({"file": "This entry was handed in; files can no longer be added."})
    if not _supervision_runs(entry):
        raise ValidationError({"file": ENDED})
    if entry.attachments.count() >= MAX_ATTACHMENTS_PER_ENTRY:
        raise ValidationError(
            {"file": f"An entry can have at most {MAX_ATTACHMENTS_PER_ENTRY} attachments."}
        )
    try:
        content_type = validate_attachment(upload)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    return EntryAttachment.objects.create(
        entry=entry,
        file=upload,
        name=PurePath(upload.name).name[:255],
        content_type=content_type,
        size=upload.size,
        uploaded_by=author,
    )


@transaction.atomic
def entry_attachment_remove(*, attachment: EntryAttachment, author) -> None:
    entry = Entry.objects.select_for_update().get(pk=attachment.entry_id)
    if entry.author_id != author.pk:
        raise PermissionDenied
    if not entry.is_editable:
        raise ValidationError("This entry was handed in; its files can no longer be removed.")
    if not _supervision_runs(entry):
        raise ValidationError(ENDED)
    if entry.submitted_at is not None and attachment.created_at <= entry.submitted_at:
        # Handed in with an earlier version of a reopened entry: part of what was handed in.
        raise ValidationError(
            "This file was handed in with an earlier version of the entry, so it stays with it."
        )
    attachment.file.delete(save=False)
    attachment.delete()
