"""The demo shows one pathway in progress: step 1 handed in, step 2 open, the rest coming."""

import pytest

from pathways.demo import seed_pathways
from pathways.models import PathwayRun
from pathways.selectors import progress_of
from supervision.demo.people import seed_people
from supervision.demo.records import seed_records
from worksheets.services.library import library_load

pytestmark = pytest.mark.django_db


def test_the_demo_has_one_pathway_in_progress_and_a_second_run_changes_nothing():
    people = seed_people()
    seed_records(people)
    library_load()
    seed_pathways(people)
    seed_pathways(people)
    run = PathwayRun.objects.get()
    progress = progress_of(run)
    assert (progress.handed_in, progress.total) == (1, 5)
    assert progress.next_step.state == "open" and progress.next_step.step.position == 2
    assert run.assignment.supervision.supervisee == people["trainee1"]
