"""The sign-off pages: re-authentication before signing, refusals shown beside the field or above."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from supervision.models import HoursSignOff, Meeting
from supervision.services.signoffs import signoff_sign, signoff_submit, signoff_withdraw
from tests.factories import PASSWORD, make_meeting, make_supervision

pytestmark = pytest.mark.django_db


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def waiting():
    supervision = make_supervision(started_on=days_ago(60))
    make_meeting(supervision, date=days_ago(20))
    return signoff_submit(
        supervision=supervision,
        submitted_by=supervision.supervisee,
        starts_on=days_ago(25),
        ends_on=days_ago(15),
    )


def test_signing_asks_for_the_password_then_signs(client, waiting):
    supervisor = waiting.supervision.supervisor
    client.force_login(supervisor)
    url = reverse("supervision:signoff_sign", args=[waiting.pk])
    response = client.post(url)
    assert response.status_code == 302 and "/accounts/reauthenticate/" in response.url
    waiting.refresh_from_db()
    assert waiting.status == HoursSignOff.Status.SUBMITTED

    client.post(response.url, {"password": PASSWORD})
    response = client.post(url)
    assert response.status_code == 302
    waiting.refresh_from_db()
    assert waiting.status == HoursSignOff.Status.SIGNED


def test_an_overlapping_period_is_refused_beside_the_field_with_the_dates_kept(client, waiting):
    client.force_login(waiting.supervision.supervisee)
    response = client.post(
        reverse("supervision:signoff_list", args=[waiting.supervision.pk]),
        {"starts_on": days_ago(22).isoformat(), "ends_on": days_ago(10).isoformat()},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "overlaps" in form.errors["starts_on"][0]
    assert form["starts_on"].value() == days_ago(22).isoformat()
    assert HoursSignOff.objects.count() == 1


def test_returning_without_a_comment_says_what_is_missing(client, waiting):
    client.force_login(waiting.supervision.supervisor)
    response = client.post(
        reverse("supervision:signoff_return", args=[waiting.pk]), {"return_comment": ""}
    )
    assert "Say what needs correcting" in response.content.decode()
    waiting.refresh_from_db()
    assert waiting.status == HoursSignOff.Status.SUBMITTED


def test_deleting_a_meeting_in_a_signed_period_is_refused_with_the_reason(client, waiting):
    supervision = waiting.supervision
    signoff_sign(signoff=waiting, actor=supervision.supervisor)
    meeting = Meeting.objects.get()
    client.force_login(supervision.supervisor)
    # The confirmation page says so first, with no Delete button to be refused (trial finding 3,
    # the same kind as a sign page of a withdrawn period).
    page = client.get(reverse("supervision:meeting_delete", args=[meeting.pk])).content.decode()
    assert "reopen the period" in page
    assert "Delete the meeting</button>" not in page
    response = client.post(reverse("supervision:meeting_delete", args=[meeting.pk]))
    assert response.status_code == 200
    assert "reopen the period" in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists()

    response = client.post(
        reverse("supervision:meeting_update", args=[meeting.pk]),
        {
            "date": meeting.date.isoformat(),
            "duration_minutes": 30,
            "mode": meeting.mode,
            "observation": meeting.observation,
            "revision": meeting.revision,
        },
    )
    assert "reopen the period" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.duration_minutes == 60


# --- The period the form starts on (trial finding 2) --------------------------------------------

TENTH_OF_MARCH = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture
def january_and_february():
    """Meetings in January and February 2026, and February already submitted."""
    with time_machine.travel(TENTH_OF_MARCH, tick=False):
        supervision = make_supervision(started_on=datetime.date(2025, 12, 1))
        make_meeting(supervision, date=datetime.date(2026, 1, 14))
        make_meeting(supervision, date=datetime.date(2026, 2, 11))
        signoff_submit(
            supervision=supervision,
            submitted_by=supervision.supervisee,
            starts_on=datetime.date(2026, 2, 1),
            ends_on=datetime.date(2026, 2, 28),
        )
    return supervision


def _submit_form(client, supervision):
    client.force_login(supervision.supervisee)
    with time_machine.travel(TENTH_OF_MARCH, tick=False):
        response = client.get(reverse("supervision:signoff_list", args=[supervision.pk]))
    return response.context["form"], response.content.decode()


def test_the_form_starts_on_the_earliest_month_not_yet_submitted(client, january_and_february):
    form, html = _submit_form(client, january_and_february)
    assert (form["starts_on"].value(), form["ends_on"].value()) == (
        datetime.date(2026, 1, 1),
        datetime.date(2026, 1, 31),
    )
    assert "There is nothing to submit" not in html


def test_the_form_says_there_is_nothing_to_submit_once_every_month_is(client, january_and_february):
    with time_machine.travel(TENTH_OF_MARCH, tick=False):
        signoff_submit(
            supervision=january_and_february,
            submitted_by=january_and_february.supervisee,
            starts_on=datetime.date(2026, 1, 1),
            ends_on=datetime.date(2026, 1, 31),
        )
        # A meeting of this month is not a period to submit before the month has ended.
        make_meeting(january_and_february, date=datetime.date(2026, 3, 2))
    form, html = _submit_form(client, january_and_february)
    assert form["starts_on"].value() is None and form["ends_on"].value() is None
    assert "There is nothing to submit" in html


# --- A sign link to a period withdrawn meanwhile (trial finding 3) ------------------------------


def test_the_sign_page_of_a_withdrawn_period_says_so_without_a_sign_form(client, waiting):
    signoff_withdraw(signoff=waiting, actor=waiting.supervision.supervisee)
    client.force_login(waiting.supervision.supervisor)
    url = reverse("supervision:signoff_sign", args=[waiting.pk])
    response = client.get(url)
    assert response.status_code == 200  # no password asked for nothing
    html = response.content.decode()
    assert f"{waiting.supervision.supervisee.name} withdrew this period" in html
    assert "<form" not in html.split("<main", 1)[-1].split("</main>", 1)[0]
    assert client.post(url).url == url  # a POST from an old tab comes back here
    waiting.refresh_from_db()
    assert waiting.status == HoursSignOff.Status.WITHDRAWN
