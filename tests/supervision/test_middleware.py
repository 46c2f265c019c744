"""Time is the person's time (issue 10, item 4): today, overdue and dates follow their zone."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from supervision.models import User
from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment

pytestmark = pytest.mark.django_db
# 10:40 on 30 November in Auckland (NZDT, UTC+13) is 21:40 on 29 November in UTC and London.
AUCKLAND_MORNING = datetime.datetime(2026, 11, 29, 21, 40, tzinfo=datetime.UTC)


@pytest.fixture
def homework_due_29_november(db):
    supervisee = UserFactory(timezone="Pacific/Auckland")
    with time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=datetime.UTC), tick=False):
        supervision = make_supervision(UserFactory(), supervisee)
        make_assignment(supervision, title="Urge log", starts_on=datetime.date(2026, 11, 29))
    return supervisee


def test_homework_due_yesterday_in_auckland_is_past_its_date_not_due_today(
    client, homework_due_29_november
):
    client.force_login(homework_due_29_november)
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        html = client.get(reverse("homework:due")).content.decode()
    assert "Past its due date (1)" in html
    assert "Due today" not in html


def test_the_same_moment_in_london_is_still_the_due_day(client, homework_due_29_november):
    User.objects.filter(pk=homework_due_29_november.pk).update(timezone="Europe/London")
    client.force_login(homework_due_29_november)
    with time_machine.travel(AUCKLAND_MORNING, tick=False):
        html = client.get(reverse("homework:due")).content.decode()
    assert "Due today (1)" in html


def test_a_person_whose_zone_is_unknown_reports_the_browsers_once(client):
    person = UserFactory()
    assert person.timezone == ""
    client.force_login(person)
    page = client.get(reverse("supervision:dashboard")).content.decode()
    assert 'data-time-zone-report="/time-zone/"' in page and "js/time-zone.js" in page
    url = reverse("supervision:time_zone_report")
    assert client.post(url, {"timezone": "Pacific/Auckland"}).status_code == 204
    assert client.post(url, {"timezone": "Europe/Paris"}).status_code == 204  # not overridden
    person.refresh_from_db()
    assert person.timezone == "Pacific/Auckland"
    page = client.get(reverse("supervision:dashboard")).content.decode()
    assert "time-zone.js" not in page


def test_a_zone_that_does_not_exist_is_refused(client):
    person = UserFactory()
    client.force_login(person)
    response = client.post(reverse("supervision:time_zone_report"), {"timezone": "Mars/Base"})
    assert response.status_code == 400
    person.refresh_from_db()
    assert person.timezone == ""


def test_the_person_chooses_their_zone_on_the_preferences_page(client):
    person = UserFactory(timezone="Europe/London")
    client.force_login(person)
    response = client.post(
        reverse("notifications:preferences"),
        {
            "email_kinds": ["homework_due"],
            "quiet_from": "",
            "quiet_until": "",
            "timezone": "Asia/Tokyo",
        },
    )
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.timezone == "Asia/Tokyo"
