"""Assigning a pathway as one homework, and releasing each step exactly once (frozen clock)."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment, Occurrence
from homework.selectors import due_list_for
from homework.services.assignments import ObstaclePlan
from homework.services.entries import occurrence_entry_start
from homework.services.reviews import review_record
from notifications.models import Notification
from pathways.models import PathwayRun, RunStep
from pathways.rules import Release
from pathways.services import pathway_assign, pathway_releases_run, run_step_release
from supervision.services.relationships import supervision_end
from tests.factories import make_supervision
from tests.pathways.factories import hand_in, local_today, make_pathway, step

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=datetime.UTC)


@pytest.fixture
def supervision(supervisor, supervisee):
    # Started before the frozen clocks below, so the relationship runs on each of their days.
    return make_supervision(supervisor, supervisee, started_on=datetime.date(2026, 1, 5))


def assign(supervision, pathway=None, **data):
    return pathway_assign(
        pathway=pathway or make_pathway(),
        supervision=supervision,
        supervisor=supervision.supervisor,
        data={"rationale": "It builds the habit step by step.", "confidence": 8, **data},
        obstacles=[ObstaclePlan("Busy weeks", "Five minutes on the train")],
    )


def steps_of(assignment):
    return list(assignment.expected.order_by("sequence"))


def test_a_pathway_is_assigned_as_one_homework_with_one_rationale_plan_and_confidence(supervision):
    assignment = assign(supervision)
    assert Assignment.objects.count() == 1
    assert assignment.schedule == Assignment.Schedule.STEPS
    assert assignment.title == "Three small steps"
    assert assignment.rationale == "It builds the habit step by step."
    assert assignment.confidence == 8
    assert [row.obstacle for row in assignment.obstacles.all()] == ["Busy weeks"]
    occurrences = steps_of(assignment)
    assert [(row.sequence, row.title, row.held) for row in occurrences] == [
        (1, "Why I am doing this", False),
        (2, "A first try", True),
        (3, "Looking back", True),
    ]
    today = local_today(supervision.supervisee)
    assert occurrences[0].due_on == today + datetime.timedelta(days=7)
    run = PathwayRun.objects.get(assignment=assignment)
    assert [step.released_at is not None for step in run.steps.all()] == [True, False, False]


def test_only_released_steps_are_due_in_my_homework(supervision):
    assign(supervision)
    due = due_list_for(supervision.supervisee, today=local_today(supervision.supervisee))
    listed = due.overdue + due.today + due.this_week + due.later
    assert [occurrence.label for occurrence in listed] == ["Why I am doing this"]


def test_a_held_step_cannot_be_started(supervision):
    held = steps_of(assign(supervision))[1]
    with pytest.raises(ValidationError, match="not open yet"):
        occurrence_entry_start(occurrence=held, author=supervision.supervisee)


def test_handing_in_a_step_releases_the_one_that_waits_for_it_once(
    supervision, django_capture_on_commit_callbacks
):
    assignment = assign(supervision)
    first, second, third = steps_of(assignment)
    # After the commit the release is queued; the test backend runs it at once.
    with django_capture_on_commit_callbacks(execute=True):
        hand_in(first, supervision.supervisee)
    second.refresh_from_db()
    third.refresh_from_db()
    assert not second.held and third.held
    assert second.due_on == local_today(supervision.supervisee) + datetime.timedelta(days=7)
    assert pathway_releases_run() == 0  # nothing more, however often it runs
    notices = Notification.objects.filter(
        recipient=supervision.supervisee, url__contains=str(assignment.pk)
    )
    assert notices.filter(title__startswith="Step 2 of").count() == 1
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ACTIVE  # not done while steps are held


def test_a_step_handed_in_on_its_edit_page_releases_the_next_one(
    client, supervision, django_capture_on_commit_callbacks
):
    """The page reads the entry with its occurrence and homework reads the assignment: the
    pathway's receiver finds them on the entry instead of asking (and still sees a step)."""
    first, second, _ = steps_of(assign(supervision))
    entry = occurrence_entry_start(occurrence=first, author=supervision.supervisee)
    client.force_login(supervision.supervisee)
    data = {"reflection": "Done.", "session": "b" * 32, "version": entry.version}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("worksheets:entry_edit", args=[entry.pk]), {**data, "action": "submit"}
        )
    assert response.status_code == 302
    second.refresh_from_db()
    assert not second.held


def test_a_delayed_step_opens_on_its_day_with_a_frozen_clock(
    supervision, django_capture_on_commit_callbacks
):
    with time_machine.travel(START, tick=False):
        first, second, third = steps_of(assign(supervision))
        with django_capture_on_commit_callbacks(execute=True):
            hand_in(first, supervision.supervisee)
        hand_in(Occurrence.objects.get(pk=second.pk), supervision.supervisee)
    handed_in_day = timezone.localtime(START, supervision.supervisee.zone).date()
    with time_machine.travel(START + datetime.timedelta(days=2), tick=False):
        assert pathway_releases_run() == 0
    third.refresh_from_db()
    assert third.held
    with time_machine.travel(START + datetime.timedelta(days=3), tick=False):
        assert pathway_releases_run() == 1
        assert pathway_releases_run() == 0
    third.refresh_from_db()
    assert not third.held
    assert third.due_on == handed_in_day + datetime.timedelta(days=3 + 7)


def test_a_step_on_a_fixed_day_opens_that_day(supervision):
    day = datetime.date(2026, 3, 10)
    pathway = make_pathway(
        [step("Start", Release.IMMEDIATELY), step("On the day", Release.ON_DAY, release_on=day)]
    )
    with time_machine.travel(START, tick=False):
        fixed = steps_of(assign(supervision, pathway))[1]
    assert fixed.held
    with time_machine.travel(datetime.datetime(2026, 3, 9, 12, tzinfo=datetime.UTC), tick=False):
        assert pathway_releases_run() == 0
    with time_machine.travel(datetime.datetime(2026, 3, 10, 12, tzinfo=datetime.UTC), tick=False):
        assert pathway_releases_run() == 1
    fixed.refresh_from_db()
    assert not fixed.held and fixed.due_on == day + datetime.timedelta(days=7)


def test_two_workers_racing_release_a_step_once(supervision):
    """Worker A read the step as held; worker B released it first; A's release changes nothing."""
    pathway = make_pathway(
        [
            step("Start", Release.IMMEDIATELY),
            step("Later", Release.ON_DAY, release_on=datetime.date(2026, 3, 5)),
        ]
    )
    with time_machine.travel(START, tick=False):
        assign(supervision, pathway)
    seen_by_a = RunStep.objects.get(position=2)
    later = START + datetime.timedelta(days=4)
    assert pathway_releases_run(now=later) == 1  # worker B
    assert run_step_release(step=seen_by_a, now=later) is False  # worker A, too late
    assert RunStep.objects.get(position=2).released_at == later
    assert Notification.objects.filter(title__startswith="Step 2 of").count() == 1


def test_nothing_is_released_after_the_supervision_ends(supervision):
    first, second, _third = steps_of(assign(supervision))
    supervision_end(supervision=supervision, ended_on=local_today(supervision.supervisee))
    assert pathway_releases_run() == 0
    second.refresh_from_db()
    assert second.held


def test_only_the_supervisor_assigns_a_pathway(supervision):
    with pytest.raises(PermissionDenied):
        pathway_assign(
            pathway=make_pathway(),
            supervision=supervision,
            supervisor=supervision.supervisee,
            data={"rationale": "Mine"},
        )
    assert Assignment.objects.count() == 0


def test_a_pathway_with_a_circle_is_refused_and_nothing_is_saved(supervision):
    pathway = make_pathway([step("A", Release.IMMEDIATELY), step("B", waits_for=3), step("C")])
    with pytest.raises(ValidationError, match="circle"):
        assign(supervision, pathway)
    assert Assignment.objects.count() == 0 and Occurrence.objects.count() == 0


def test_a_recording_step_is_handed_in_with_its_recording_and_other_steps_without(supervision):
    pathway = make_pathway(
        [
            step("What to look for", Release.IMMEDIATELY),
            step("Listen back", Release.IMMEDIATELY, kind="recording"),
        ]
    )
    pathway.category = Assignment.Category.RECORDING
    pathway.save()
    first, second = steps_of(assign(supervision, pathway))
    hand_in(first, supervision.supervisee)  # a reflection step needs no recording
    with pytest.raises(ValidationError, match="upload the recording"):
        hand_in(second, supervision.supervisee)
    second.refresh_from_db()
    assert second.entry.status == second.entry.Status.DRAFT


def test_a_pathway_reviewed_as_a_whole_half_way_goes_on(supervision):
    assignment = assign(supervision)
    first, second, _third = steps_of(assignment)
    hand_in(first, supervision.supervisee)
    review_record(
        assignment=assignment,
        recorder=supervision.supervisor,
        data={"outcome": "partly", "reason": "circumstances", "next_step": "keep"},
    )
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ACTIVE
    assert pathway_releases_run() == 1  # the worker still opens step 2
    second.refresh_from_db()
    assert not second.held
