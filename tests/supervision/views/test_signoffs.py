"""The sign-off pages: re-authentication before signing, refusals shown beside the field or above."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from supervision.models import HoursSignOff, Meeting
from supervision.services.signoffs import signoff_sign, signoff_submit
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
