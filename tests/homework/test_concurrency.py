"""Concurrent clicks on PostgreSQL: starting, accepting and reviewing homework happen once."""

import threading
import uuid

import pytest
from django.db import connection

from homework.models import Assignment, Review
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


def _hand_in(entry):
    from worksheets.services.entries import entry_submit

    return entry_submit(
        entry=entry,
        answers={},
        reflection="Handed in from one of several tabs.",
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )


def test_one_entry_handed_in_from_several_tabs_at_once_is_handed_in_once():
    """Each save decides on the page's copy and swaps on its version: one wins, the others
    wait for its row lock, find the version moved and are refused as already handed in."""
    from worksheets.models import Submission
    from worksheets.services.entries import EntryNotEditable

    supervision = make_supervision()
    occurrence = make_assignment(supervision).expected.get()
    entry = occurrence_entry_start(occurrence=occurrence, author=supervision.supervisee)
    outcomes = at_once(lambda: _hand_in(entry))
    assert outcomes.count(None) == 1
    assert all(isinstance(outcome, EntryNotEditable) for outcome in outcomes if outcome)
    entry.refresh_from_db()
    assert (entry.status, entry.version) == (Entry.Status.SUBMITTED, 2)
    assert Submission.objects.filter(entry=entry).count() == 1
    assert Notification.objects.filter(kind=Notification.Kind.ENTRY_SUBMITTED).count() == 1


def test_the_last_occurrences_handed_in_at_once_mark_the_homework_done():
    """The assignment is locked before its other occurrences are looked at: the last to hand
    in sees the others' hand-ins, whichever order they commit in."""
    supervision = make_supervision()
    assignment = make_assignment(supervision, schedule="daily", occurrences=THREADS)
    entries = [
        occurrence_entry_start(occurrence=occurrence, author=supervision.supervisee)
        for occurrence in assignment.expected.order_by("sequence")
    ]
    lock = threading.Lock()
    outcomes = at_once(lambda: _hand_in(_take(entries, lock)))
    assert outcomes == [None] * THREADS
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DONE
    assert Entry.objects.filter(status=Entry.Status.SUBMITTED).count() == THREADS


def _take(entries: list, lock) -> Entry:
    with lock:
        return entries.pop()
