"""The background work: the daily run releases what is due and queues tomorrow's run."""

import datetime

import pytest

from pathways import tasks
from pathways.rules import Release
from pathways.services import pathway_assign
from tests.factories import make_supervision
from tests.pathways.factories import make_pathway, step

pytestmark = pytest.mark.django_db


def test_the_daily_run_releases_steps_on_their_day(monkeypatch):
    supervision = make_supervision()
    today = datetime.date.today()
    pathway = make_pathway(
        [step("Now", Release.IMMEDIATELY), step("Today", Release.ON_DAY, release_on=today)]
    )
    # Assigned yesterday's way: the fixed-day step is held, then the worker finds it due.
    assignment = pathway_assign(
        pathway=pathway,
        supervision=supervision,
        supervisor=supervision.supervisor,
        data={"rationale": "r"},
    )
    assignment.expected.filter(sequence=2).update(held=True)
    assignment.pathway_run.steps.filter(position=2).update(released_at=None)
    scheduled = []
    monkeypatch.setattr(tasks, "releases_schedule", lambda **kwargs: scheduled.append(True))
    result = tasks.pathway_releases_daily.enqueue()
    assert result.return_value == 1
    assert scheduled == [True]
    assert not assignment.expected.get(sequence=2).held


def test_the_schedule_is_refused_where_the_backend_cannot_defer():
    # The test backend runs tasks at once; a scheduler (cron) must run the command instead.
    assert tasks.releases_schedule() is False
