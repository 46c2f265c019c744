"""Simultaneous identical posts on PostgreSQL: an export is started once per form key."""

import uuid

import pytest
from django.urls import reverse

from privacy.models import DataExport
from tests.concurrency import (  # postgres_only: autouse, skips these on SQLite
    THREADS,
    post_at_once,
    postgres_only,  # noqa: F401
)
from tests.factories import UserFactory
from tests.privacy.conftest import reauthenticated

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_the_same_export_request_sent_at_once_prepares_one_export():
    person = UserFactory()
    data = {"submission_key": str(uuid.uuid4())}
    url = reverse("privacy:export")
    responses = post_at_once(person, url, data, sign_in=reauthenticated)
    assert [r.status_code for r in responses] == [302] * THREADS
    assert {r["Location"] for r in responses} == {url}
    assert DataExport.objects.filter(person=person).count() == 1
