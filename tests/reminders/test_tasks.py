"""Queuing: run-after times from homework and meetings, and stale tasks that do nothing."""

import datetime

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult, get_date_max

from homework.services.assignments import assignment_update
from reminders.tasks import assignment_reminders, meeting_reminders
from tests.factories import make_meeting
from tests.homework.factories import assignment_data
from tests.reminders.conftest import REMINDER_AT, SET_AT, UTC

pytestmark = pytest.mark.django_db
DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def when(run_after):
    """The backend stores "as soon as possible" as the largest date."""
    return "now" if run_after == get_date_max() else run_after


def queued(task_path):
    rows = DBTaskResult.objects.filter(status="READY", task_path=task_path).values_list(
        "run_after", "args_kwargs__kwargs__version"
    )
    return sorted(((when(run_after), version) for run_after, version in rows), key=str)


def test_setting_and_moving_homework_queues_its_reminder_and_nudge(
    settings, db, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    from tests.factories import UserFactory, make_supervision
    from tests.homework.factories import make_assignment

    supervisee = UserFactory(timezone="Pacific/Auckland")
    with time_machine.travel(SET_AT, tick=False):
        supervision = make_supervision(UserFactory(), supervisee)
        with django_capture_on_commit_callbacks(execute=True):
            assignment = make_assignment(supervision, starts_on=datetime.date(2026, 12, 2))
        path = "reminders.tasks.assignment_reminders"
        assert queued(path) == sorted(
            [
                ("now", 1),
                (REMINDER_AT, 1),
                (REMINDER_AT + datetime.timedelta(days=2), 1),  # the nudge, 09:00 on 3 December
            ],
            key=str,
        )
        with django_capture_on_commit_callbacks(execute=True):
            assignment_update(
                assignment=assignment,
                editor=supervision.supervisor,
                based_on_version=1,
                data=assignment_data(starts_on=datetime.date(2026, 12, 5)),
                obstacles=[],
            )
    moved = REMINDER_AT + datetime.timedelta(days=3)
    assert (moved, 2) in queued(path)


def test_a_task_queued_for_an_older_version_does_nothing(auckland):
    supervision, assignment = auckland
    with time_machine.travel(REMINDER_AT, tick=False):
        stale = assignment_reminders.call(
            assignment_id=assignment.pk, version=assignment.version - 1
        )
        current = assignment_reminders.call(assignment_id=assignment.pk, version=assignment.version)
    assert (stale, current) == ("stale", 1)


def test_a_deleted_meeting_or_homework_sends_nothing(auckland):
    supervision, assignment = auckland
    with time_machine.travel(SET_AT, tick=False):
        meeting = make_meeting(supervision, date=datetime.date(2026, 12, 3))
    meeting_id, revision = meeting.pk, meeting.revision
    meeting.delete()
    assignment.delete()
    with time_machine.travel(REMINDER_AT, tick=False):
        assert meeting_reminders.call(meeting_id=meeting_id, revision=revision) == "stale"
        assert assignment_reminders.call(assignment_id=assignment.pk, version=1) == "stale"


def test_planning_a_meeting_queues_its_reminders(
    settings, auckland, django_capture_on_commit_callbacks
):
    settings.TASKS = DATABASE_TASKS
    supervision, _ = auckland
    with (
        time_machine.travel(SET_AT, tick=False),
        django_capture_on_commit_callbacks(execute=True),
    ):
        make_meeting(supervision, date=datetime.date(2026, 12, 3), starts_at=datetime.time(10))
    rows = DBTaskResult.objects.filter(task_path="reminders.tasks.meeting_reminders")
    run_after = sorted((when(row) for row in rows.values_list("run_after", flat=True)), key=str)
    # Now; 09:00 in Auckland the day before (1 December, UTC); 09:00 in London on 2 December.
    assert run_after == sorted(
        [
            "now",
            datetime.datetime(2026, 12, 1, 20, 0, tzinfo=UTC),
            datetime.datetime(2026, 12, 2, 9, 0, tzinfo=UTC),
        ],
        key=str,
    )
