"""What a meeting's record lists of homework (homework.selectors.homework_for_meeting)."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment, Occurrence, Review
from homework.selectors import homework_for_meeting
from tests.factories import make_meeting
from tests.homework.factories import make_assignment

pytestmark = pytest.mark.django_db


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def reviewed_at(meeting, assignment, supervisor, *, days_before: int = 0) -> Review:
    Assignment.objects.filter(pk=assignment.pk).update(status=Assignment.Status.REVIEWED)
    return Review.objects.create(
        assignment=assignment,
        outcome=Review.Outcome.DONE,
        recorded_by=supervisor,
        meeting=meeting,
        reviewed_on=meeting.date - datetime.timedelta(days=days_before),
    )


def test_due_homework_once_each_and_agreed_homework_apart(supervision, supervisor, supervisee):
    """Due by the meeting: agreed elsewhere, not a proposal, open or reviewed at this meeting,
    with an occurrence due by its date that is not held. Each homework once however many of its
    occurrences and reviews match (the query no longer joins them)."""
    meeting = make_meeting(supervision, date=in_days(14))
    earlier = make_meeting(supervision, date=in_days(-3))
    due = make_assignment(supervision, title="Due", starts_on=in_days(1))
    daily = make_assignment(
        supervision, title="Daily", schedule="daily", starts_on=in_days(1), occurrences=5
    )
    make_assignment(supervision, title="Due later", starts_on=in_days(20))
    held = make_assignment(supervision, title="Held", starts_on=in_days(1))
    Occurrence.objects.filter(assignment=held).update(held=True)
    proposed = make_assignment(supervision, title="Proposed", starts_on=in_days(1))
    Assignment.objects.filter(pk=proposed.pk).update(status=Assignment.Status.PROPOSED)
    here = make_assignment(supervision, title="Reviewed here", starts_on=in_days(1))
    older = reviewed_at(meeting, here, supervisor, days_before=1)
    newer = reviewed_at(meeting, here, supervisor)
    elsewhere = make_assignment(supervision, title="Reviewed elsewhere", starts_on=in_days(1))
    reviewed_at(earlier, elsewhere, supervisor)
    agreed = make_assignment(supervision, title="Agreed", starts_on=in_days(1))
    Assignment.objects.filter(pk=agreed.pk).update(meeting=meeting)
    dropped = make_assignment(supervision, title="Dropped", starts_on=in_days(1))
    Assignment.objects.filter(pk=dropped.pk).update(status=Assignment.Status.DROPPED)

    for person in (supervisor, supervisee):
        listed, agreed_here = homework_for_meeting(meeting, person)
        assert [row.title for row in listed] == ["Due", "Daily", "Reviewed here"]
        assert [row.pk for row in listed] == [due.pk, daily.pk, here.pk]
        assert [review.pk for review in listed[2].reviews_here] == [newer.pk, older.pk]
        assert listed[0].reviews_here == []
        assert [row.pk for row in agreed_here] == [agreed.pk]


def test_homework_set_after_the_meeting_is_not_due_at_it(supervision, supervisor):
    meeting = make_meeting(supervision, date=in_days(-1))
    make_assignment(supervision, title="Set today", starts_on=in_days(0))
    Occurrence.objects.update(due_on=in_days(-2))
    assert homework_for_meeting(meeting, supervisor) == ([], [])


@pytest.mark.usefixtures("parts_built")
def test_the_meeting_record_runs_the_same_queries_however_much_homework(
    client, supervision, supervisor
):
    """Due homework with its reviews, agreed homework, for one row as for many (issue 11)."""
    meeting = make_meeting(supervision, date=in_days(14))
    url = reverse("supervision:meeting_detail", args=[meeting.pk])

    def add(index):
        due = make_assignment(supervision, title=f"Due {index}", starts_on=in_days(1))
        reviewed_at(meeting, due, supervisor)
        agreed = make_assignment(supervision, title=f"Agreed {index}", starts_on=in_days(1))
        Assignment.objects.filter(pk=agreed.pk).update(meeting=meeting)

    for person in (supervisor, supervision.supervisee):
        client.force_login(person)
        add(f"{person.pk}-0")
        client.get(url)  # warm the caches filled once per process
        with CaptureQueriesContext(connection) as few:
            client.get(url)
        for index in range(1, 6):
            add(f"{person.pk}-{index}")
        with CaptureQueriesContext(connection) as many:
            page = client.get(url).content.decode()
        assert f"Due {person.pk}-5" in page and f"Agreed {person.pk}-5" in page
        assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)
