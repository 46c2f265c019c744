"""Concurrent sign-off on PostgreSQL: one signature, one submission, and no edit slips into a signed period."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from supervision.models import HoursSignOff, Meeting
from supervision.services.meetings import meeting_update
from supervision.services.signoffs import signoff_sign, signoff_submit
from tests.concurrency import THREADS, at_once
from tests.factories import make_meeting, make_supervision

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks and concurrent transactions are tested on PostgreSQL.")


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def world():
    supervision = make_supervision(started_on=days_ago(60))
    meeting = make_meeting(supervision, date=days_ago(20), duration_minutes=60)
    return supervision, meeting


def submit(supervision):
    return signoff_submit(
        supervision=supervision,
        submitted_by=supervision.supervisee,
        starts_on=days_ago(25),
        ends_on=days_ago(15),
    )


def test_the_same_period_submitted_in_several_tabs_is_held_once():
    supervision, _meeting = world()
    outcomes = at_once(lambda: submit(supervision))
    assert sum(outcome is None for outcome in outcomes) == 1
    assert all(isinstance(o, ValidationError) for o in outcomes if o is not None)
    assert HoursSignOff.objects.count() == 1


def test_an_edit_racing_the_signature_either_lands_before_it_or_is_refused():
    supervision, meeting = world()
    signoff = submit(supervision)
    minutes = iter(range(30, 30 + THREADS))

    def race():
        if next(minutes) % 2:
            signoff_sign(signoff=signoff, actor=supervision.supervisor)
        else:
            fresh = Meeting.objects.get(pk=meeting.pk)
            meeting_update(
                meeting=fresh,
                editor=supervision.supervisor,
                revision=fresh.revision,
                duration_minutes=45,
            )

    outcomes = at_once(race)
    assert all(o is None or isinstance(o, ValidationError) for o in outcomes), outcomes
    signoff.refresh_from_db()
    meeting.refresh_from_db()
    assert signoff.status == HoursSignOff.Status.SIGNED
    # What was signed is what the meeting says now: no edit landed after the signature.
    signed_minutes = signoff.contents["meetings"][0]["duration_minutes"]
    assert signed_minutes == meeting.duration_minutes
