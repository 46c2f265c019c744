"""Workers racing on PostgreSQL: each pathway step is released exactly once, with one notice."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from notifications.models import Notification
from pathways.models import RunStep
from pathways.rules import Release
from pathways.services import pathway_assign, pathway_releases_run
from tests.concurrency import THREADS, at_once
from tests.factories import make_supervision
from tests.pathways.factories import make_pathway, step

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks and concurrent transactions are tested on PostgreSQL.")


def test_several_workers_releasing_at_once_release_each_step_once():
    supervision = make_supervision()
    day = timezone.localdate() + datetime.timedelta(days=3)
    pathway = make_pathway(
        [step("Now", Release.IMMEDIATELY), step("On the day", Release.ON_DAY, release_on=day)]
    )
    pathway_assign(
        pathway=pathway,
        supervision=supervision,
        supervisor=supervision.supervisor,
        data={"rationale": "r"},
    )
    later = timezone.now() + datetime.timedelta(days=4)
    released = []
    outcomes = at_once(lambda: released.append(pathway_releases_run(now=later)))
    assert outcomes == [None] * THREADS
    assert sum(released) == 1
    assert RunStep.objects.get(position=2).released_at == later
    assert Notification.objects.filter(title__startswith="Step 2 of").count() == 1
