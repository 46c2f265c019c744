"""Assigning a pathway as one homework, and releasing its steps (each exactly once).

Releases are made by the background worker (``pathways.tasks``): a daily run for steps that
open on a day or after a delay, and a run queued when a step is handed in. Every release is a
conditional update of ``RunStep.released_at`` from empty, so two workers racing release a step
once; the notice's ``event_key`` says the same to notifications.
"""

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment, Occurrence
from homework.services.assignments import ObstaclePlan, StepPlan, assignment_create
from homework.signals import assignment_changed
from notifications.models import Notification
from notifications.services import notification_send
from pathways.models import Pathway, PathwayRun, PathwayUserObjectPermission, RunStep, StepKind
from pathways.permissions import PATHWAY_COLLEAGUE_PERMS, PATHWAY_OWNER_PERMS
from pathways.rules import (
    STEP_RULE_FIELDS,
    Release,
    release_order,
    step_rule,
    steps_problems,
    waited_for,
)
from recordings.models import Recording
from supervision.models import Supervision
from supervision.permissions import grant, grant_exactly
from worksheets.models import Entry, TemplateVersion

# What a run's step copies of its pathway's step.
RULE_FIELDS = ("title", "instructions", *STEP_RULE_FIELDS)


def pathway_check(pathway: Pathway) -> None:
    """ValidationError naming each problem of the pathway's saved steps (see ``pathways.rules``)."""
    steps = list(pathway.steps.all())
    problems = steps_problems([step_rule(step) for step in steps])
    if problems:
        raise ValidationError(
            [
                problem.message
                if problem.step is None
                else f"Step {problem.step + 1}: {problem.message}"
                for problem in problems
            ]
        )


def pathway_owner_grant(*, pathway: Pathway) -> None:
    """The owner of a private pathway may do everything with it."""
    if pathway.owner_id is not None:
        grant(pathway.owner, PATHWAY_OWNER_PERMS, pathway)


def _current_version(template) -> TemplateVersion | None:
    if template is None:
        return None
    return template.versions.order_by("-number").first()


@dataclass
class _Plan:
    step: Any
    version: TemplateVersion | None
    opens_on: datetime.date | None  # None: waits for a hand-in
    due_on: datetime.date
    released: bool


def _plans(steps: list, today: datetime.date) -> list[_Plan]:
    """When each step opens and is due, as far as it can be known on the day it is assigned."""
    rules = [step_rule(step) for step in steps]
    plans: dict[int, _Plan] = {}
    for index in release_order(rules):
        step = steps[index]
        version = _current_version(step.worksheet)
        if step.worksheet is not None and version is None:
            raise ValidationError(
                f"Step {index + 1}: the worksheet “{step.worksheet}” has not been published yet."
            )
        if step.release == Release.IMMEDIATELY:
            opens_on, earliest = today, today
        elif step.release == Release.ON_DAY:
            opens_on = earliest = max(step.release_on, today)
        else:
            before = plans[waited_for(rules[index], index)]
            opens_on = None
            earliest = before.due_on + datetime.timedelta(days=step.delay_days or 0)
        plans[index] = _Plan(
            step=step,
            version=version,
            opens_on=opens_on,
            due_on=earliest + datetime.timedelta(days=step.due_days),
            released=opens_on is not None and opens_on <= today,
        )
    return [plans[index] for index in range(len(steps))]


@transaction.atomic
def pathway_assign(
    *,
    pathway: Pathway,
    supervision: Supervision,
    supervisor,
    data: dict[str, Any],
    obstacles: list[ObstaclePlan] = (),
    meeting=None,
    now: datetime.datetime | None = None,
) -> Assignment:
    """Assign the pathway as ONE homework: one rationale, one obstacles plan, one confidence.

    ``data`` holds ``rationale``, ``confidence`` (0-10 or None) and optionally ``case``,
    ``when``, ``where``, ``how_often``, ``how_long``. Each step becomes an occurrence of the
    homework, held back until its release; steps that open today are released at once. Raises
    PermissionDenied unless ``supervisor`` supervises the (active) relationship, and
    ValidationError for a pathway whose steps break the rules or use an unpublished worksheet.
    """
    if supervisor.pk != supervision.supervisor_id:
        raise PermissionDenied("Only the supervisor assigns a pathway.")
    now = now or timezone.now()
    today = timezone.localtime(now, supervision.supervisee.zone).date()
    steps = list(pathway.steps.select_related("worksheet", "lesson").order_by("sort_order", "pk"))
    pathway_check(pathway)
    plans = _plans(steps, today)
    assignment = assignment_create(
        supervision=supervision,
        author=supervisor,
        data={
            **{
                name: data[name]
                for name in ("when", "where", "how_often", "how_long", "case")
                if name in data
            },
            "title": pathway.title,
            "category": pathway.category,
            "instructions": pathway.introduction,
            "rationale": data.get("rationale", ""),
            "confidence": data.get("confidence"),
            "schedule": Assignment.Schedule.STEPS,
            "starts_on": min(plan.due_on for plan in plans),
            "occurrences": len(plans),
        },
        obstacles=obstacles,
        meeting=meeting,
        today=today,
        steps=[
            StepPlan(
                title=plan.step.title,
                due_on=plan.due_on,
                worksheet_version=plan.version,
                held=not plan.released,
            )
            for plan in plans
        ],
    )
    run = PathwayRun.objects.create(assignment=assignment, pathway=pathway)
    occurrences = {occurrence.sequence: occurrence for occurrence in assignment.expected.all()}
    RunStep.objects.bulk_create(
        RunStep(
            run=run,
            position=index + 1,
            occurrence=occurrences[index + 1],
            released_at=now if plan.released else None,
            **{name: getattr(plan.step, name) for name in RULE_FIELDS},
        )
        for index, plan in enumerate(plans)
    )
    return assignment


def step_opens_on(step: RunStep, steps: list[RunStep], zone) -> datetime.date | None:
    """The day a held step opens, once that is known (a fixed day, or a hand-in plus a delay)."""
    if step.release == Release.ON_DAY:
        return step.release_on
    if step.release == Release.IMMEDIATELY:
        return None
    index = waited_for(step_rule(step), step.position - 1)
    before = steps[index].occurrence.entry if index is not None else None
    if before is None or before.status != Entry.Status.SUBMITTED or before.submitted_at is None:
        return None
    handed_in = timezone.localtime(before.submitted_at, zone).date()
    return handed_in + datetime.timedelta(days=step.delay_days or 0)


def run_step_release(*, step: RunStep, now: datetime.datetime) -> bool:
    """Open one step now; False when another worker has already done it (nothing changes)."""
    with transaction.atomic():
        won = RunStep.objects.filter(pk=step.pk, released_at__isnull=True).update(released_at=now)
        if not won:
            return False
        assignment = (
            Assignment.objects.select_for_update()
            .select_related("supervision__supervisee", "supervision__supervisor")
            .get(pk=step.run.assignment_id)
        )
        supervisee = assignment.supervision.supervisee
        due_on = timezone.localtime(now, supervisee.zone).date() + datetime.timedelta(
            days=step.due_days
        )
        Occurrence.objects.filter(pk=step.occurrence_id).update(held=False, due_on=due_on)
        if assignment.status == Assignment.Status.DONE:
            assignment.status = Assignment.Status.ACTIVE
        assignment.version += 1
        assignment.save(update_fields=["status", "version", "updated_at"])
        notification_send(
            recipient=supervisee,
            kind=Notification.Kind.ASSIGNMENT_NEW,
            title=f"Step {step.position} of “{assignment.title}” is open: {step.title}, "
            f"due {due_on:%-d %B}",
            url=reverse("homework:assignment_detail", args=[assignment.pk]),
            event_key=f"pathway-step:{step.pk}:released",
            facts={"due_on": due_on.isoformat()},
        )
        assignment_changed.send(sender=Assignment, assignment=assignment, actor=None)
    return True


def pathway_releases_run(
    *, now: datetime.datetime | None = None, run_ids: list[int] | None = None
) -> int:
    """Release every held step whose time has come; returns how many this call released.

    Only homework that is active or done, in a running relationship. Safe to run at any time,
    as often as wanted, by several workers at once (each step is released once).
    """
    now = now or timezone.now()
    runs = PathwayRun.objects.filter(
        assignment__status__in=[Assignment.Status.ACTIVE, Assignment.Status.DONE],
        assignment__supervision__ended_on__isnull=True,
        steps__released_at__isnull=True,
    )
    if run_ids is not None:
        runs = runs.filter(pk__in=run_ids)
    released = 0
    for run in (
        runs.distinct()
        .select_related("assignment__supervision__supervisee")
        .prefetch_related("steps__occurrence__entry")
    ):
        zone = run.assignment.supervision.supervisee.zone
        today = timezone.localtime(now, zone).date()
        steps = list(run.steps.all())
        for step in steps:
            if step.released_at is not None:
                continue
            if step.release in Release.WAITING:
                opens_on = step_opens_on(step, steps, zone)
            elif step.release == Release.ON_DAY:
                opens_on = step.release_on
            else:
                opens_on = today
            if opens_on is not None and opens_on <= today:
                released += run_step_release(step=step, now=now)
    return released


def recording_step_check(*, entry: Entry) -> None:
    """ValidationError for a recording-analysis step handed in without its recording (issue 14).

    The same rule as homework's for recording-analysis homework, for the one step it concerns.
    """
    if (
        RunStep.objects.filter(occurrence__entry=entry, kind=StepKind.RECORDING).exists()
        and not Recording.objects.filter(entry=entry).exists()
    ):
        raise ValidationError(
            "This step is a recording analysis: upload the recording this self-review is about "
            '("Upload the recording for this self-review" on the homework page), then hand it in.'
        )


def runs_waiting_on(entry: Entry) -> list[int]:
    """The runs with a held step that this handed-in entry may open (its own run, if any)."""
    return list(
        PathwayRun.objects.filter(steps__occurrence__entry=entry)
        .filter(Q(steps__released_at__isnull=True))
        .values_list("pk", flat=True)
        .distinct()
    )


def pathway_colleagues(pathway: Pathway) -> list:
    """Everyone other than the owner who can edit a private pathway."""
    holders = PathwayUserObjectPermission.objects.filter(
        content_object=pathway, permission__codename="change_pathway"
    ).exclude(user_id=pathway.owner_id)
    return list(get_user_model().objects.filter(pk__in=holders.values("user_id")))


@transaction.atomic
def pathway_sharing_set(*, pathway: Pathway, colleagues) -> Pathway:
    """Share a private pathway with exactly these colleagues (others stop having access).

    Raises ValidationError for a library pathway or for sharing with oneself.
    """
    if pathway.is_library:
        raise ValidationError("Library pathways are shared with everyone already.")
    colleagues = list(colleagues)
    if pathway.owner_id in {colleague.pk for colleague in colleagues}:
        raise ValidationError({"colleagues": "You cannot share a pathway with yourself."})
    grant_exactly(
        pathway, PATHWAY_COLLEAGUE_PERMS, wanted=colleagues, current=pathway_colleagues(pathway)
    )
    return pathway


@transaction.atomic
def pathway_copy(*, pathway: Pathway, owner) -> Pathway:
    """A private copy of a pathway with its steps, for the owner to change as they like."""
    duplicate = Pathway.objects.create(
        title=f"{pathway.title} (my copy)"[:200],
        introduction=pathway.introduction,
        category=pathway.category,
        owner=owner,
        copied_from=pathway,
    )
    for step in pathway.steps.order_by("sort_order", "pk"):
        step.pk = None
        step.id = None
        step.pathway = duplicate
        step.save()
    pathway_owner_grant(pathway=duplicate)
    return duplicate
