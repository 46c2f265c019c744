"""The supervisor's dashboard: homework awaiting feedback (oldest first) and engagement per person."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

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
    # Issue 11: at most 12 per key page (the session comes from the shared cache in production).
    assert len([q for q in many if "django_session" not in q["sql"]]) <= 12


def test_the_dashboard_offers_all_awaiting_entries_only_when_more_than_it_shows(
    client, supervisor, supervision
):
    from feedback.panels import AWAITING_SHOWN

    client.force_login(supervisor)
    for index in range(AWAITING_SHOWN):
        handed_in(supervision, f"Task {index}")
    assert "All entries awaiting feedback" not in client.get(DASHBOARD).content.decode()

    handed_in(supervision, "One more")
    content = client.get(DASHBOARD).content.decode()
    assert "All entries awaiting feedback" in content and "One more" not in content


def test_engagement_shows_each_supervisee_with_a_data_table(client, supervisor, supervision):
    handed_in(supervision, "Done and reviewed")
    client.force_login(supervisor)
    content = client.get(DASHBOARD).content.decode()
    assert f"Figures for {supervision.supervisee.name}" in content
    assert "circumstances got in the way (1)" in content
    # Each week's row is headed by its Monday, as "3 Nov".
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    assert f'<th scope="row">{monday.day} {monday:%b}</th>' in content


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


def _record_queries(client, meeting):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("supervision:meeting_detail", args=[meeting.pk]))
    assert response.status_code == 200
    # Production reads the session from the shared cache (cached_db), not with a query.
    return response, [q for q in queries if "django_session" not in q["sql"]]


def test_the_meeting_record_lists_due_and_agreed_homework_in_the_same_queries_whatever_their_number(
    client,
):
    import datetime

    import time_machine
    from django.utils import timezone

    from tests.factories import make_meeting

    supervision = make_supervision()
    today = timezone.localdate()
    meeting = make_meeting(supervision, date=today - datetime.timedelta(days=1))
    earlier = today - datetime.timedelta(days=20)

    def add(i):
        with time_machine.travel(earlier - datetime.timedelta(days=2)):
            make_assignment(supervision, title=f"Due {i}", starts_on=earlier)
        assignment_create(
            supervision=supervision,
            author=supervision.supervisor,
            data=assignment_data(title=f"Agreed {i}"),
            meeting=meeting,
        )

    from homework.services.assignments import assignment_create
    from tests.homework.factories import assignment_data

    client.force_login(supervision.supervisor)
    add(0)
    client.get(reverse("supervision:meeting_detail", args=[meeting.pk]))  # per-process caches
    _, few = _record_queries(client, meeting)
    for i in range(1, 8):
        add(i)
    response, many = _record_queries(client, meeting)

    # 13 with due homework: its reviews at this meeting are one prefetch (issue 11 asks for 12;
    # was 16 before due and agreed homework came from one query and permissions from one).
    assert len(many) == len(few) <= 13, "\n".join(q["sql"] for q in many)
    text = response.content.decode()
    # The review of due homework opens the record; what was agreed comes in its own section.
    last_due = max(text.rindex(f"Due {i}") for i in range(8))
    first_agreed = min(text.index(f"Agreed {i}") for i in range(8))
    assert last_due < first_agreed
