"""Where meetings are split into coming up and past (trial finding 5): by whether they have taken
place, so a meeting recorded for today without a time is a past one, not "Coming up"."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from supervision.selectors.meetings import (
    meetings_of_supervision,
    past_meetings_for,
    upcoming_first,
    upcoming_meetings_for,
)
from supervision.selectors.relationships import (
    supervisions_as_supervisee,
    supervisions_as_supervisor,
)
from tests.factories import make_meeting, make_supervision

pytestmark = pytest.mark.django_db

NOON = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)  # 12:00 in London
TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def today():
    """A meeting recorded for today without a time, one this evening, and one last week."""
    with time_machine.travel(NOON, tick=False):
        supervision = make_supervision(started_on=TODAY - datetime.timedelta(days=60))
        recorded = make_meeting(supervision, date=TODAY, summary="Went through the formulation.")
        evening = make_meeting(supervision, date=TODAY, starts_at="18:00")
        last_week = make_meeting(supervision, date=TODAY - datetime.timedelta(days=7))
    return supervision, recorded, evening, last_week


def test_a_relationships_meetings_put_today_without_a_time_with_the_past(today):
    supervision, recorded, evening, last_week = today
    with time_machine.travel(NOON, tick=False):
        upcoming, past = upcoming_first(
            meetings_of_supervision(supervision, supervision.supervisee)
        )
    assert upcoming == [evening]
    assert past == [recorded, last_week]


def test_the_meeting_list_and_dashboard_say_the_same(client, today):
    supervision, recorded, evening, last_week = today
    with time_machine.travel(NOON, tick=False):
        upcoming = list(upcoming_meetings_for(supervision.supervisee))
        past = list(past_meetings_for(supervision.supervisee))
        row = supervisions_as_supervisee(supervision.supervisee).get()
        led = supervisions_as_supervisor(supervision.supervisor).get()
        client.force_login(supervision.supervisee)
        dashboard = client.get(reverse("supervision:dashboard")).content.decode()
    assert upcoming == [evening]
    assert set(past) == {recorded, last_week}
    assert (row.last_meeting_on, row.next_meeting_on) == (TODAY, TODAY)
    assert (led.last_meeting_on, led.next_meeting_on) == (TODAY, TODAY)
    assert "Tuesday 10 March 2026 at 18:00</a>" in dashboard
