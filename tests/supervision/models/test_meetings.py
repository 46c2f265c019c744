"""When a meeting has taken place: the one rule behind the hours log, sign-off and every
"coming up / past" split (``Meeting.has_taken_place`` and ``taken_place_q`` agree)."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from supervision.models import Meeting
from supervision.models.meetings import taken_place_q
from tests.factories import make_meeting, make_supervision

pytestmark = pytest.mark.django_db

# Tuesday 10 March 2026, 12:00 in London (GMT, so also 12:00 UTC).
NOON = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 3, 10)


@pytest.fixture
def meetings():
    with time_machine.travel(NOON, tick=False):
        supervision = make_supervision(started_on=TODAY - datetime.timedelta(days=60))
        made = {
            "yesterday, late": {"date": TODAY - datetime.timedelta(days=1), "starts_at": "23:00"},
            "this morning": {"date": TODAY, "starts_at": "10:00", "duration_minutes": 60},
            "ending now": {"date": TODAY, "starts_at": "11:00", "duration_minutes": 60},
            "still going": {"date": TODAY, "starts_at": "11:30", "duration_minutes": 60},
            "this evening": {"date": TODAY, "starts_at": "17:00"},
            "today, no time": {"date": TODAY},
            "tomorrow, no time": {"date": TODAY + datetime.timedelta(days=1)},
        }
        return {
            name: make_meeting(supervision, **{"duration_minutes": 60, **fields})
            for name, fields in made.items()
        }


TAKEN_PLACE = {"yesterday, late", "this morning", "ending now", "today, no time"}


def test_a_meeting_has_taken_place_once_it_has_ended_or_from_its_day_without_a_time(meetings):
    with time_machine.travel(NOON, tick=False):
        in_python = {name for name, m in meetings.items() if m.has_taken_place()}
        in_database = set(Meeting.objects.taken_place().values_list("pk", flat=True)) & {
            m.pk for m in meetings.values()
        }
        planned = set(Meeting.objects.planned().values_list("pk", flat=True))
    assert in_python == TAKEN_PLACE
    assert in_database == {meetings[name].pk for name in TAKEN_PLACE}
    assert planned == {m.pk for name, m in meetings.items() if name not in TAKEN_PLACE}


def test_today_and_now_are_the_persons(meetings):
    # 12:00 in London is 01:00 on 11 March in Auckland: every meeting of the 10th is over there,
    # and the one of the 11th without a time counts from its day on.
    with time_machine.travel(NOON, tick=False), timezone.override("Pacific/Auckland"):
        over = {name for name, m in meetings.items() if m.has_taken_place()}
        in_database = set(Meeting.objects.filter(taken_place_q()).values_list("pk", flat=True))
    assert over == set(meetings)
    assert in_database >= {m.pk for m in meetings.values()}


def test_the_meeting_page_says_a_planned_meeting_counts_once_it_has_taken_place(client, meetings):
    with time_machine.travel(NOON, tick=False):
        client.force_login(meetings["this evening"].supervisor)
        url = reverse("supervision:meeting_detail", args=[meetings["this evening"].pk])
        html = client.get(url).content.decode()
    assert "This meeting is planned. A meeting counts once it has taken place" in html
