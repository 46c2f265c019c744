"""A relationship's page shows the planned meetings first, then the past ones newest first."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import make_meeting

pytestmark = pytest.mark.django_db


def test_upcoming_meetings_come_first(client, supervision):
    today = timezone.localdate()
    old = make_meeting(supervision, date=today - datetime.timedelta(days=30))
    recent = make_meeting(supervision, date=today - datetime.timedelta(days=2))
    soon = make_meeting(supervision, date=today + datetime.timedelta(days=3))
    later = make_meeting(supervision, date=today + datetime.timedelta(days=10))
    client.force_login(supervision.supervisor)

    response = client.get(reverse("supervision:supervision_detail", args=[supervision.pk]))

    assert response.context["upcoming_meetings"] == [soon, later]
    assert response.context["past_meetings"] == [recent, old]
    content = response.content.decode()
    assert content.index("Coming up") < content.index("Past meetings")
