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


def test_a_homework_entry_shows_its_plan_and_leads_back_to_the_homework(
    client, supervision, supervisee
):
    """Issue 16: the worksheet of a homework entry showed no what, why, when or obstacles."""
    assignment = make_assignment(
        supervision,
        title="Notice the urge",
        obstacles=[("Back-to-back sessions", "One line on a sticky note")],
    )
    entry = occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee)
    client.force_login(supervisee)

    page = client.get(reverse("worksheets:entry_edit", args=[entry.pk])).content.decode()

    assert "The homework: Notice the urge" in page
    assert assignment.instructions in page and assignment.rationale in page
    assert "Back-to-back sessions: One line on a sticky note" in page
    assert reverse("homework:assignment_detail", args=[assignment.pk]) in page
    assert "Back to this homework" in page and "Back to my entries" not in page
