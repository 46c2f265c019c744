"""Hours sign-off: submitting, withdrawing, signing, returning, reopening, and the lock on meetings."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from supervision.models import HoursSignOff
from supervision.selectors.signoffs import signoff_contents
from supervision.services.meetings import meeting_delete, meeting_update
from supervision.services.signoffs import (
    signoff_reopen,
    signoff_return,
    signoff_sign,
    signoff_submit,
    signoff_withdraw,
)
from tests.factories import make_case, make_meeting, make_supervision

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def period():
    supervision = make_supervision(started_on=days_ago(90))
    case = make_case(supervision, "Ms Birch")
    meetings = [
        make_meeting(supervision, date=days_ago(40), duration_minutes=60, cases=[case]),
        make_meeting(supervision, date=days_ago(35), duration_minutes=90, observation="live"),
    ]
    return supervision, meetings


def submit(supervision, **kwargs):
    return signoff_submit(
        supervision=supervision,
        submitted_by=supervision.supervisee,
        starts_on=kwargs.pop("starts_on", days_ago(45)),
        ends_on=kwargs.pop("ends_on", days_ago(30)),
        **kwargs,
    )


def test_sign_keeps_what_was_signed(period):
    supervision, _ = period
    signoff = submit(supervision, note="All there.")
    signed = signoff_sign(signoff=signoff, actor=supervision.supervisor)
    assert signed.status == HoursSignOff.Status.SIGNED
    assert signed.signed_by_name == supervision.supervisor.name
    assert signed.contents["totals"]["meetings"] == 2
    assert signed.contents["totals"]["individual_hours"] == "2.50"
    assert signed.contents["totals"]["observed_meetings"] == 1
    assert signed.contents["cases"] == [
        {"pseudonym": "Ms Birch", "meetings": 1, "credited_hours": "1.00"}
    ]
    assert len(signed.contents_digest) == 64
    # Signing twice changes nothing.
    again = signoff_sign(signoff=signoff, actor=supervision.supervisor)
    assert again.signed_at == signed.signed_at


def test_only_the_supervisee_submits_and_only_the_supervisor_signs(period):
    supervision, _ = period
    with pytest.raises(PermissionDenied):
        signoff_submit(
            supervision=supervision,
            submitted_by=supervision.supervisor,
            starts_on=days_ago(45),
            ends_on=days_ago(30),
        )
    signoff = submit(supervision)
    with pytest.raises(PermissionDenied):
        signoff_sign(signoff=signoff, actor=supervision.supervisee)
    with pytest.raises(PermissionDenied):
        signoff_withdraw(signoff=signoff, actor=supervision.supervisor)


@pytest.mark.parametrize(
    ("starts", "ends", "field"),
    [
        (60, 50, "starts_on"),  # no meetings
        (30, 40, "ends_on"),  # last day before first
        (400, 10, "ends_on"),  # longer than a year
        (10, -5, "ends_on"),  # not over yet
    ],
)
def test_bad_periods_are_refused_beside_the_field(period, starts, ends, field):
    supervision, _ = period
    with pytest.raises(ValidationError) as error:
        submit(supervision, starts_on=days_ago(starts), ends_on=days_ago(ends))
    assert field in error.value.message_dict
    assert not HoursSignOff.objects.exists()


def test_overlapping_a_waiting_or_signed_period_is_refused(period):
    supervision, _ = period
    first = submit(supervision)
    with pytest.raises(ValidationError, match="overlaps"):
        submit(supervision, starts_on=days_ago(36), ends_on=days_ago(20))
    signoff_sign(signoff=first, actor=supervision.supervisor)
    with pytest.raises(ValidationError, match="signed"):
        submit(supervision, starts_on=days_ago(36), ends_on=days_ago(20))
    assert HoursSignOff.objects.count() == 1


def test_a_withdrawn_or_returned_period_can_be_submitted_again(period):
    supervision, _ = period
    first = submit(supervision)
    signoff_withdraw(signoff=first, actor=supervision.supervisee)
    second = submit(supervision)
    with pytest.raises(ValidationError, match="correcting"):
        signoff_return(signoff=second, actor=supervision.supervisor, comment="  ")
    signoff_return(signoff=second, actor=supervision.supervisor, comment="The 2nd was 60 min.")
    third = submit(supervision)
    assert third.status == HoursSignOff.Status.SUBMITTED
    with pytest.raises(ValidationError):
        signoff_withdraw(signoff=second, actor=supervision.supervisee)


def test_the_same_period_submitted_again_is_refused_as_overlapping(period):
    # The form's one-time key (supervision.idempotency, in the view) answers a double click with
    # the first sign-off; without it, the service still never holds one period twice.
    supervision, _ = period
    submit(supervision)
    with pytest.raises(ValidationError, match="overlaps"):
        submit(supervision)
    assert HoursSignOff.objects.count() == 1


def test_meetings_in_a_signed_period_are_locked_until_reopened(period):
    supervision, meetings = period
    signoff = signoff_sign(signoff=submit(supervision), actor=supervision.supervisor)
    meeting = meetings[0]
    with pytest.raises(ValidationError, match="reopen"):
        meeting_update(
            meeting=meeting,
            editor=supervision.supervisor,
            revision=meeting.revision,
            duration_minutes=30,
        )
    with pytest.raises(ValidationError, match="reopen"):
        meeting_delete(meeting=meeting)
    with pytest.raises(ValidationError, match="reopen"):
        make_meeting(supervision, date=days_ago(33))
    # Moving a meeting from outside into the period is a change to the period too.
    outside = make_meeting(supervision, date=days_ago(20))
    with pytest.raises(ValidationError, match="reopen"):
        meeting_update(
            meeting=outside,
            editor=supervision.supervisor,
            revision=outside.revision,
            date=days_ago(33),
        )
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 60

    with pytest.raises(PermissionDenied):
        signoff_reopen(signoff=signoff, actor=supervision.supervisee, reason="Wrong time")
    signoff_reopen(signoff=signoff, actor=supervision.supervisor, reason="Wrong time")
    meeting_update(
        meeting=meeting,
        editor=supervision.supervisor,
        revision=meeting.revision,
        duration_minutes=30,
    )
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 30
    signoff.refresh_from_db()
    assert signoff.contents["totals"]["individual_hours"] == "2.50"  # what was signed stays


# --- A meeting counts once it has taken place (trial finding 1) --------------------------------

NOON_31_MARCH = datetime.datetime(2026, 3, 31, 12, 0, tzinfo=datetime.UTC)  # 13:00 in London


@pytest.fixture
def march_ending_today():
    """On the last day of March, at 13:00: a meeting this morning and one this evening."""
    with time_machine.travel(NOON_31_MARCH, tick=False):
        supervision = make_supervision(started_on=datetime.date(2026, 1, 5))
        morning = make_meeting(
            supervision, date=datetime.date(2026, 3, 31), starts_at="09:00", duration_minutes=60
        )
        evening = make_meeting(
            supervision, date=datetime.date(2026, 3, 31), starts_at="18:00", duration_minutes=60
        )
    return supervision, morning, evening


def test_the_period_holds_only_meetings_that_have_taken_place(march_ending_today):
    supervision, morning, _evening = march_ending_today
    with time_machine.travel(NOON_31_MARCH, tick=False):
        contents = signoff_contents(
            supervision=supervision,
            starts_on=datetime.date(2026, 3, 1),
            ends_on=datetime.date(2026, 3, 31),
        )
    assert [m["starts_at"] for m in contents["meetings"]] == ["09:00"]
    assert contents["totals"]["meetings"] == 1


def test_submitting_a_period_with_a_meeting_still_to_come_is_refused_beside_its_last_day(
    march_ending_today,
):
    supervision, *_ = march_ending_today
    with time_machine.travel(NOON_31_MARCH, tick=False), pytest.raises(ValidationError) as error:
        submit(supervision, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 3, 31))
    assert "The meeting at 18:00 on 31 March 2026 has not taken place yet" in str(
        error.value.message_dict["ends_on"]
    )
    # Once it has ended, the period is submitted with both meetings.
    with time_machine.travel(NOON_31_MARCH + datetime.timedelta(hours=7), tick=False):
        signoff = submit(
            supervision, starts_on=datetime.date(2026, 3, 1), ends_on=datetime.date(2026, 3, 31)
        )
        signed = signoff_sign(signoff=signoff, actor=supervision.supervisor)
    assert signed.contents["totals"]["meetings"] == 2
