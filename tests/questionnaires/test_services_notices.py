"""Releasing a rating tells the person rated, once, with a link to it (issue 10, item 9)."""

import pytest
from django.urls import reverse

from notifications.models import Notification
from questionnaires.services import rating_release
from tests.factories import UserFactory, make_supervision
from tests.worksheets.scoring.factories import administer

pytestmark = pytest.mark.django_db


def test_releasing_a_rating_tells_the_person_rated_once(rating_version):
    supervisor, trainee = UserFactory(display_name="Sam Supervisor"), UserFactory()
    make_supervision(supervisor, trainee)
    rating = administer(supervisor, rating_version, subject=trainee)
    assert not Notification.objects.filter(recipient=trainee).exists()
    rating_release(entry=rating)
    rating_release(entry=rating)
    (notice,) = Notification.objects.filter(recipient=trainee)
    assert notice.kind == Notification.Kind.RATING_RELEASED
    assert notice.title == "Sam Supervisor released a rating of your practice"
    assert notice.url == reverse("worksheets:entry_detail", args=[rating.pk])
    assert notice.actor == supervisor
