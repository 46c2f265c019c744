"""Concurrent clicks on PostgreSQL: starting, accepting and reviewing homework happen once."""

import pytest
from django.db import connection

from homework.models import Review
from homework.services.assignments import assignment_accept
from homework.services.entries import occurrence_entry_start
from homework.services.reviews import review_record
from notifications.models import Notification
from tests.concurrency import THREADS, at_once
from tests.factories import make_supervision
from tests.homework.factories import make_assignment
from worksheets.models import Entry

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks and concurrent transactions are tested on PostgreSQL.")


def test_starting_in_several_tabs_at_once_gives_one_entry():
    supervision = make_supervision()
    occurrence = make_assignment(supervision).expected.get()
    outcomes = at_once(
        lambda: occurrence_entry_start(occurrence=occurrence, author=supervision.supervisee)
    )
    assert outcomes == [None] * THREADS
    assert Entry.objects.count() == 1
    occurrence.refresh_from_db()
    assert occurrence.entry_id == Entry.objects.get().pk


def test_accepting_a_proposal_twice_at_once_notifies_once():
    supervision = make_supervision()
    supervision.supervisee_may_propose = True
    supervision.save()
    proposal = make_assignment(supervision, author=supervision.supervisee)
    outcomes = at_once(
        lambda: assignment_accept(assignment=proposal, supervisor=supervision.supervisor)
    )
    assert outcomes == [None] * THREADS
    assert Notification.objects.filter(kind=Notification.Kind.PROPOSAL_ACCEPTED).count() == 1


def test_recording_the_same_review_at_once_keeps_one():
    supervision = make_supervision()
    assignment = make_assignment(supervision)
    outcomes = at_once(
        lambda: review_record(
            assignment=assignment, recorder=supervision.supervisor, data={"outcome": "done"}
        )
    )
    assert outcomes == [None] * THREADS
    assert Review.objects.count() == 1
