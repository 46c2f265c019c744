"""The supervisor's dashboard: homework awaiting feedback (oldest first) and engagement per person."""

import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from homework.services.entries import occurrence_entry_start
from homework.services.reviews import review_record
from tests.factories import make_supervision
from tests.homework.factories import make_assignment
from worksheets.services.entries import entry_submit

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("supervision:dashboard")


def handed_in(supervision, title):
    assignment = make_assignment(supervision, title=title)
    entry = occurrence_entry_start(
        occurrence=assignment.expected.get(), author=supervision.supervisee
    )
    entry_submit(
        entry=entry,
        answers={},
        reflection="Done",
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )
    if title.endswith("reviewed"):
        review_record(
            assignment=assignment,
            recorder=supervision.supervisor,
            data={"outcome": "partly", "reason": "circumstances", "next_step": "keep"},
        )
    return assignment


def test_awaiting_feedback_is_oldest_first_and_the_query_count_does_not_grow(
    client, supervisor, supervision
):
    client.force_login(supervisor)
    handed_in(supervision, "First handed in")
    client.get(DASHBOARD)  # warm the content-type and session caches
    with CaptureQueriesContext(connection) as few:
        response = client.get(DASHBOARD)
    assert "First handed in" in response.content.decode()
    for index in range(39):
        other = supervision if index % 2 else make_supervision(supervisor)
        handed_in(other, f"Task {index}")
    with CaptureQueriesContext(connection) as many:
        response = client.get(DASHBOARD)
    content = response.content.decode()
    assert content.index("First handed in") < content.index("Task 0")
    assert "All entries awaiting feedback" in content
    assert len(many) == len(few)


def test_engagement_shows_each_supervisee_with_a_data_table(client, supervisor, supervision):
    handed_in(supervision, "Done and reviewed")
    client.force_login(supervisor)
    content = client.get(DASHBOARD).content.decode()
    assert f"Figures for {supervision.supervisee.name}" in content
    assert "circumstances got in the way (1)" in content
