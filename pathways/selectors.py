"""Reads for pathways: which pathways a person may use, and how an assigned one is going."""

import datetime
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import Prefetch, Q, QuerySet

from homework.models import Assignment
from homework.selectors import assignments_visible_to
from pathways.models import Pathway, PathwayRun, PathwayUserObjectPermission, RunStep
from pathways.permissions import pathway_policy
from pathways.rules import STEP_RULE_FIELDS, step_rule, waited_for
from pathways.services import step_opens_on
from supervision.models import Supervision
from worksheets.models import Entry


def sharing_candidates(pathway: Pathway) -> QuerySet:
    """Whom the owner can share a pathway with: every current supervisor, and whoever has it now."""
    supervisors = Supervision.objects.active().values("supervisor_id")
    holders = PathwayUserObjectPermission.objects.filter(
        content_object=pathway, permission__codename="change_pathway"
    ).values("user_id")
    return (
        get_user_model()
        .objects.filter(Q(pk__in=supervisors, is_active=True) | Q(pk__in=holders))
        .exclude(pk=pathway.owner_id)
        .order_by("display_name", "email")
    )


def pathways_usable_by(user) -> QuerySet[Pathway]:
    """Library pathways and the person's own or shared ones, by title, steps prefetched."""
    return (
        pathway_policy.instances_user_has_any_permission_for(user, ["view"])
        .select_related("owner")
        .prefetch_related("steps")
        .order_by("owner_id", "title", "pk")
    )


@dataclass
class StepState:
    step: RunStep
    state: str  # "handed_in", "open" or "coming"
    opens_on: datetime.date | None = None
    waits_for: int | None = None  # the step number a coming step waits for

    @property
    def occurrence(self):
        return self.step.occurrence


@dataclass
class Progress:
    run: PathwayRun
    steps: list[StepState] = field(default_factory=list)

    @property
    def assignment(self) -> Assignment:
        return self.run.assignment

    @property
    def total(self) -> int:
        return len(self.steps)

    @property
    def handed_in(self) -> int:
        return sum(state.state == "handed_in" for state in self.steps)

    @property
    def next_step(self) -> StepState | None:
        """The first open step not handed in, else the first coming one."""
        for wanted in ("open", "coming"):
            for state in self.steps:
                if state.state == wanted:
                    return state
        return None


def progress_of(run: PathwayRun, *, steps: list[RunStep] | None = None, zone=None) -> Progress:
    """The state of each step (the run's steps with occurrence and entry prefetched).

    ``steps`` are the run's steps in order, read from the run when not given; ``zone`` is the
    supervisee's time zone (a ``ZoneInfo``), read from the run when not given.
    """
    if steps is None:
        steps = list(run.steps.all())
    if zone is None:
        zone = run.assignment.supervision.supervisee.zone
    progress = Progress(run=run)
    for step in steps:
        entry = step.occurrence.entry
        if entry is not None and entry.status == Entry.Status.SUBMITTED:
            state = StepState(step, "handed_in")
        elif step.released_at is not None:
            state = StepState(step, "open")
        else:
            before = waited_for(step_rule(step), step.position - 1)
            state = StepState(
                step,
                "coming",
                opens_on=step_opens_on(step, steps, zone),
                waits_for=None if before is None else before + 1,
            )
        progress.steps.append(state)
    return progress


def _runs() -> QuerySet[PathwayRun]:
    return PathwayRun.objects.select_related(
        "assignment__supervision__supervisee", "assignment__supervision__supervisor"
    ).prefetch_related(
        Prefetch(
            "steps",
            queryset=RunStep.objects.select_related(
                "occurrence__entry", "occurrence__worksheet_version", "lesson"
            ).order_by("position"),
        )
    )


# What "My homework" shows of a step and its homework, and what the step's state is worked out
# from (``step_rule`` reads every rule field, so each is loaded: a deferred one would cost a
# query per step).
SUPERVISEE_STEP_COLUMNS = (
    "run__assignment__title",
    "position",
    "title",
    *STEP_RULE_FIELDS,
    "released_at",
    "occurrence__due_on",
    "occurrence__entry__status",
    "occurrence__entry__submitted_at",
)


def progress_for_supervisee(user) -> list[Progress]:
    """The person's own pathways in progress (active or done homework), newest first.

    One query for every run's steps, and only what "My homework" shows (the homework's title,
    each step's title, rules and dates): the runs' own query, their prefetch, and the wide rows
    the homework page's panel reads (lessons, worksheet versions, entries' answers, both people)
    were a third of "My homework"'s Python (issue 11). A run always has steps (a pathway
    without any cannot be saved), so every run is found through them.
    """
    assignments = assignments_visible_to(user).filter(
        supervision__supervisee=user,
        status__in=[Assignment.Status.ACTIVE, Assignment.Status.DONE],
    )
    steps = (
        RunStep.objects.filter(run__assignment__in=assignments.values("pk"))
        .select_related("run__assignment", "occurrence__entry")
        .only(*SUPERVISEE_STEP_COLUMNS)
        .order_by("-run__created_at", "-run_id", "position")
    )
    runs: dict[int, tuple[PathwayRun, list[RunStep]]] = {}
    for step in steps:
        runs.setdefault(step.run_id, (step.run, []))[1].append(step)
    # The person is each run's supervisee, so their zone is each run's.
    zone = user.zone
    return [progress_of(run, steps=run_steps, zone=zone) for run, run_steps in runs.values()]


def progress_for_assignment(assignment: Assignment) -> Progress | None:
    run = _runs().filter(assignment=assignment).first()
    return None if run is None else progress_of(run)
