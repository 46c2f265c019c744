"""Agreeing homework: a supervisor assigns it, or a supervisee proposes it and the supervisor accepts."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment, Obstacle, Occurrence
from homework.signals import assignment_changed
from notifications.models import Notification
from notifications.services import notification_send
from supervision.models import Supervision
from supervision.permissions import grant, revoke
from worksheets.models import Entry
from worksheets.permissions import ENTRY_EDIT_PERMS

SUPERVISOR_PERMS = ("view_assignment", "change_assignment", "review_assignment")
SUPERVISEE_PERMS = ("view_assignment", "review_assignment", "work_on_assignment")
# Taken back when the supervision ends: the record stays readable, nothing new happens in it.
SUPERVISOR_WHILE_ACTIVE_PERMS = ("change_assignment", "review_assignment")
SUPERVISEE_WHILE_ACTIVE_PERMS = ("review_assignment", "work_on_assignment")

ASSIGNMENT_FIELDS = (
    "title",
    "category",
    "instructions",
    "rationale",
    "when",
    "where",
    "how_often",
    "how_long",
    "schedule",
    "starts_on",
    "occurrences",
    "confidence",
    "reading",
    "worksheet_version",
    "case",
    "reading_lesson",
)


class StaleEdit(Exception):
    """The edit was based on a version that someone else has since changed."""


@dataclass(frozen=True)
class ObstaclePlan:
    obstacle: str
    plan: str


@dataclass(frozen=True)
class StepPlan:
    """One occurrence of a homework in steps (a pathway step), made by the app that sets it.

    ``held``: not yet released (a locked step); ``due_on`` is then the earliest it could be due.
    """

    title: str
    due_on: Any
    worksheet_version: Any = None
    held: bool = False


def assignment_author_check(supervision: Supervision, author) -> bool:
    """Whether the author would be proposing (the supervisee); PermissionDenied if they may not set it.

    The supervisor sets homework while the supervision runs; the supervisee proposes it when
    the supervisor allows that (``supervision_proposals_set``).
    """
    if not supervision.is_active:
        raise PermissionDenied("This supervision has ended; no new homework can be agreed in it.")
    if author.pk == supervision.supervisor_id:
        return False
    if author.pk == supervision.supervisee_id and supervision.supervisee_may_propose:
        return True
    raise PermissionDenied("You cannot set homework in this supervision.")


def _replace_obstacles(assignment: Assignment, obstacles: list[ObstaclePlan]) -> None:
    assignment.obstacles.all().delete()
    rows = []
    for position, item in enumerate(obstacles):
        row = Obstacle(
            assignment=assignment, obstacle=item.obstacle, plan=item.plan, position=position
        )
        row.full_clean()
        rows.append(row)
    Obstacle.objects.bulk_create(rows)


def _replace_occurrences(assignment: Assignment) -> None:
    if assignment.schedule == Assignment.Schedule.STEPS:
        return  # a homework in steps keeps the occurrences its app made (pathways)
    assignment.expected.all().delete()
    Occurrence.objects.bulk_create(
        Occurrence(assignment=assignment, sequence=index + 1, due_on=due_on)
        for index, due_on in enumerate(assignment.due_dates)
    )


def _validate_dates(assignment: Assignment, *, today) -> None:
    if assignment.starts_on and assignment.starts_on < today:
        raise ValidationError({"starts_on": "The due date cannot be in the past."})


def _validate_case(assignment: Assignment) -> None:
    if assignment.case_id and assignment.case.supervision_id != assignment.supervision_id:
        raise ValidationError({"case": "Choose a case brought to this supervision."})


@transaction.atomic
def assignment_create(
    *,
    supervision: Supervision,
    author,
    data: dict[str, Any],
    obstacles: list[ObstaclePlan] = (),
    meeting=None,
    today=None,
    steps: list[StepPlan] = (),
) -> Assignment:
    """Set (or propose) homework; ``steps`` only for ``Schedule.STEPS``, one occurrence each.

    Raises PermissionDenied (see ``assignment_author_check``) and ValidationError (fields).
    """
    supervision = Supervision.objects.select_for_update().get(pk=supervision.pk)
    is_proposal = assignment_author_check(supervision, author)
    if meeting is not None and not meeting.attendances.filter(supervision=supervision).exists():
        raise ValidationError("That meeting was not part of this supervision.")
    assignment = Assignment(
        supervision=supervision,
        meeting=meeting,
        proposed_by=author,
        status=Assignment.Status.PROPOSED if is_proposal else Assignment.Status.ACTIVE,
        **{name: data.get(name) for name in ASSIGNMENT_FIELDS if name in data},
    )
    _validate_dates(assignment, today=today or timezone.localdate())
    _validate_case(assignment)
    assignment.full_clean()
    assignment.save()
    _replace_obstacles(assignment, list(obstacles))
    if assignment.schedule == Assignment.Schedule.STEPS:
        if len(steps) != assignment.occurrences:
            raise ValidationError("A homework in steps needs one occurrence for each step.")
        Occurrence.objects.bulk_create(
            Occurrence(
                assignment=assignment,
                sequence=index + 1,
                due_on=step.due_on,
                title=step.title,
                worksheet_version=step.worksheet_version,
                held=step.held,
            )
            for index, step in enumerate(steps)
        )
    else:
        _replace_occurrences(assignment)
    grant(supervision.supervisor, SUPERVISOR_PERMS, assignment)
    grant(supervision.supervisee, SUPERVISEE_PERMS, assignment)

    url = reverse("homework:assignment_detail", args=[assignment.pk])
    if is_proposal:
        notification_send(
            recipient=supervision.supervisor,
            actor=author,
            kind=Notification.Kind.ASSIGNMENT_NEW,
            title=f"{author.name} proposed homework “{assignment.title}”",
            url=url,
            event_key=f"assignment:{assignment.pk}:proposed",
        )
    else:
        notification_send(
            recipient=supervision.supervisee,
            actor=author,
            kind=Notification.Kind.ASSIGNMENT_NEW,
            title=f"{author.name} set “{assignment.title}”, due {assignment.due_on:%-d %B}",
            url=url,
            event_key=f"assignment:{assignment.pk}:assigned",
            facts={"due_on": assignment.due_on.isoformat()},
        )
    assignment_changed.send(sender=Assignment, assignment=assignment, actor=author)
    return assignment


@transaction.atomic
def assignment_update(
    *,
    assignment: Assignment,
    editor,
    based_on_version: int,
    data: dict[str, Any],
    obstacles: list[ObstaclePlan],
) -> Assignment:
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.version != based_on_version:
        raise StaleEdit
    previous_due_dates = assignment.due_dates
    for name in ASSIGNMENT_FIELDS:
        if name in data:
            setattr(assignment, name, data[name])
    _validate_case(assignment)
    assignment.full_clean()
    assignment.version += 1
    assignment.save()
    _replace_obstacles(assignment, obstacles)
    if assignment.due_dates != previous_due_dates:
        _replace_occurrences(assignment)
    assignment_changed.send(sender=Assignment, assignment=assignment, actor=editor)
    return assignment


@transaction.atomic
def assignment_accept(*, assignment: Assignment, supervisor) -> Assignment:
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status != Assignment.Status.PROPOSED:
        return assignment  # accepting twice (double click, two tabs) changes nothing
    assignment.status = Assignment.Status.ACTIVE
    assignment.version += 1
    assignment.save(update_fields=["status", "version", "updated_at"])
    notification_send(
        recipient=assignment.supervision.supervisee,
        actor=supervisor,
        kind=Notification.Kind.PROPOSAL_ACCEPTED,
        title=f"{supervisor.name} accepted your proposal “{assignment.title}”",
        url=reverse("homework:assignment_detail", args=[assignment.pk]),
        event_key=f"assignment:{assignment.pk}:accepted",
        facts={"due_on": assignment.due_on.isoformat()},
    )
    assignment_changed.send(sender=Assignment, assignment=assignment, actor=supervisor)
    return assignment


@transaction.atomic
def assignment_drop(*, assignment: Assignment, actor=None) -> Assignment:
    """Drop the homework; it stays in the record. Dropping it twice changes nothing more."""
    assignment = Assignment.objects.select_for_update().get(pk=assignment.pk)
    if assignment.status == Assignment.Status.DROPPED:
        return assignment  # the same click in a second tab: no new version, no second event
    assignment.status = Assignment.Status.DROPPED
    assignment.version += 1
    assignment.save(update_fields=["status", "version", "updated_at"])
    assignment_changed.send(sender=Assignment, assignment=assignment, actor=actor)
    return assignment


@transaction.atomic
def supervision_proposals_set(
    *, supervision: Supervision, supervisor, allowed: bool
) -> Supervision:
    """The supervisor decides whether the supervisee may propose their own homework."""
    supervision = Supervision.objects.select_for_update().get(pk=supervision.pk)
    if supervisor.pk != supervision.supervisor_id or not supervision.is_active:
        raise PermissionDenied
    supervision.supervisee_may_propose = allowed
    supervision.save(update_fields=["supervisee_may_propose"])
    return supervision


@transaction.atomic
def supervision_homework_close(*, supervision: Supervision) -> None:
    """When a supervision ends: its homework stays readable to both, and nothing in it changes.

    Called on ``supervision.signals.supervision_ended``. The supervisor no longer edits, accepts,
    drops or reopens; neither person records reviews; the supervisee starts no new entries and
    no longer changes, hands in or deletes the drafts (and reopened entries) already started:
    what they wrote stays theirs to read (issue 10, item 8).
    """
    assignments = Assignment.objects.filter(supervision=supervision)
    revoke(supervision.supervisor, SUPERVISOR_WHILE_ACTIVE_PERMS, assignments)
    revoke(supervision.supervisee, SUPERVISEE_WHILE_ACTIVE_PERMS, assignments)
    unfinished = Entry.objects.filter(
        occurrence__assignment__supervision=supervision, author=supervision.supervisee
    ).exclude(status=Entry.Status.SUBMITTED)
    revoke(supervision.supervisee, ENTRY_EDIT_PERMS, unfinished)
