"""Feedback reads: threads per anchor, entries awaiting feedback, and query counts that do not grow."""

import datetime
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from feedback.models import Feedback
from feedback.selectors import awaiting_listed, entries_awaiting_feedback, threads_for_entry
from feedback.services import (
    feedback_create,
    feedback_release,
    feedback_reply,
    feedback_update,
)
from feedback.views import AWAITING_PER_PAGE
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision
from worksheets.models import Entry

pytestmark = pytest.mark.django_db

ANCHORS = ["what_happened", "how_upset_was_i", "where_was_i", "anything_else", ""]


def comment_with_thread(entry, supervisor, supervisee, index):
    """A released comment with an edit (one revision) and a reply from each side."""
    feedback = feedback_create(
        entry=entry,
        author=supervisor,
        body=f"Comment {index}.",
        anchor=ANCHORS[index % len(ANCHORS)],
        client_token=uuid.uuid4(),
    )
    feedback = feedback_release(feedback=feedback, releaser=supervisor)
    feedback = feedback_update(
        feedback=feedback,
        editor=supervisor,
        body=f"Comment {index}, edited.",
        expected_version=feedback.version,
    )
    feedback_reply(feedback=feedback, author=supervisee, body=f"Reply {index}.")
    feedback_reply(feedback=feedback, author=supervisor, body=f"Answer {index}.")
    return feedback


def test_threads_are_grouped_by_anchor_in_order(entry, supervisor, supervisee, make_feedback):
    first = make_feedback(anchor="what_happened", released=True)
    second = make_feedback(anchor="what_happened", released=True)
    whole = make_feedback(released=True)
    draft = make_feedback(anchor="where_was_i")
    assert threads_for_entry(entry, supervisor) == {
        "what_happened": [first, second],
        "": [whole],
        "where_was_i": [draft],
    }
    assert threads_for_entry(entry, supervisee) == {"what_happened": [first, second], "": [whole]}


@pytest.mark.parametrize("who", ["other_supervisor", "grand_supervisor", "administrator"])
def test_nobody_else_sees_any_thread(request, entry, make_feedback, who):
    make_feedback(released=True)
    assert threads_for_entry(entry, request.getfixturevalue(who)) == {}


def test_threads_for_entry_runs_three_queries_for_any_number_of_comments(
    entry, supervisor, supervisee, django_assert_num_queries
):
    for index in range(40):
        comment_with_thread(entry, supervisor, supervisee, index)
    with django_assert_num_queries(3):
        threads = threads_for_entry(entry, supervisee)
        comments = [c for thread in threads.values() for c in thread]
        assert len(comments) == 40
        assert all(len(c.replies.all()) == 2 and len(c.revisions.all()) == 1 for c in comments)
        assert all(c.author.name for c in comments)


def queries_for_page(client, entry, person) -> int:
    client.force_login(person)
    url = reverse("feedback:entry_feedback", args=[entry.pk])
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("viewer", ["supervisor", "supervisee"])
def test_the_entry_page_runs_the_same_queries_for_1_and_40_comments(
    client, make_entry, supervisor, supervisee, supervision, viewer
):
    person = {"supervisor": supervisor, "supervisee": supervisee}[viewer]
    counts = {}
    for number in (1, 40):
        entry = make_entry(share_with=[supervisor])
        for index in range(number):
            comment_with_thread(entry, supervisor, supervisee, index)
        feedback_create(entry=entry, author=supervisor, body="A draft.", anchor="what_happened")
        counts[number] = queries_for_page(client, entry, person)
    assert counts[1] == counts[40], counts


def test_awaiting_feedback_lists_readable_submitted_entries_oldest_first(
    entry, make_entry, supervisor, supervisee, make_feedback
):
    oldest = make_entry(share_with=[supervisor])
    Entry.objects.filter(pk=oldest.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=5)
    )
    make_entry()  # not shared: the supervisor cannot read it
    answered = make_entry(share_with=[supervisor])
    make_feedback(on=answered, released=True)
    make_feedback(on=entry)
    make_feedback(on=entry, anchor="what_happened")
    awaiting = list(entries_awaiting_feedback(supervisor))
    assert awaiting == [oldest, entry]
    assert list(entries_awaiting_feedback(supervisee)) == []
    # A list loads a page of them in the order given, each with the supervisor's drafts on it.
    listed = awaiting_listed(supervisor, [entry.pk, oldest.pk])
    assert listed == [entry, oldest]
    assert [item.drafts_waiting for item in listed] == [2, 0]
    assert [item.author.name for item in listed] == [supervisee.name] * 2
    assert awaiting_listed(supervisor, []) == []


def test_awaiting_feedback_ignores_entries_of_other_peoples_supervisees(
    make_entry, supervisor, supervision, grand_supervisor, other_supervisor
):
    make_entry(share_with=[supervisor])
    assert list(entries_awaiting_feedback(grand_supervisor)) == []
    assert list(entries_awaiting_feedback(other_supervisor)) == []


def test_awaiting_feedback_keeps_entries_from_an_ended_supervision(
    make_entry, supervisor, supervision
):
    entry = make_entry(share_with=[supervisor])
    Entry.objects.filter(pk=entry.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=3)
    )
    supervision_end(
        supervision=supervision, ended_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert list(entries_awaiting_feedback(supervisor)) == [entry]


def test_the_awaiting_page_runs_the_same_queries_for_1_and_40_entries(
    client, make_entry, worksheet
):
    counts = {}
    for number in (1, 40):
        supervisor = UserFactory()
        trainees = [UserFactory() for _ in range(3)]
        for trainee in trainees:
            make_supervision(supervisor, trainee)
        for index in range(number):
            entry = make_entry(author=trainees[index % 3], share_with=[supervisor])
            if index % 2:
                Feedback.objects.create(entry=entry, author=supervisor, body="Draft.")
            if index % 3 == 0:  # a rating of someone: its title names them (a query a row, once)
                rated = UserFactory(display_name=f"Rated {number}-{index}")
                Entry.objects.filter(pk=entry.pk).update(subject=rated)
        client.force_login(supervisor)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("feedback:awaiting"))
        page = response.content.decode()
        assert page.count('class="card"') == min(number, AWAITING_PER_PAGE)
        assert f"Rated {number}-0" in page
        counts[number] = len(captured)
    assert counts[1] == counts[40], counts


def test_the_awaiting_page_pages_the_backlog_oldest_first(
    client, make_entry, supervisor, supervision
):
    """Issue 11: every entry was listed on one page, so it grew with the backlog."""
    now = timezone.now()
    links = []  # oldest first
    for index in range(AWAITING_PER_PAGE + 2):
        entry = make_entry(share_with=[supervisor])
        Entry.objects.filter(pk=entry.pk).update(
            submitted_at=now - datetime.timedelta(hours=100 - index)
        )
        links.append(f'href="{reverse("feedback:entry_feedback", args=[entry.pk])}"')
    client.force_login(supervisor)
    first = client.get(reverse("feedback:awaiting")).content.decode()
    assert first.count('class="card"') == AWAITING_PER_PAGE
    assert links[0] in first and links[-1] not in first
    assert f"Entries 1–{AWAITING_PER_PAGE} of {AWAITING_PER_PAGE + 2}." in first
    assert 'href="?page=2">More recent entries</a>' in first
    second = client.get(reverse("feedback:awaiting"), {"page": 2}).content.decode()
    assert second.count('class="card"') == 2
    assert links[-1] in second and links[0] not in second
    assert 'href="?page=1">Older entries</a>' in second
    # A page number past the end, or not a number, shows a page rather than an error.
    assert client.get(reverse("feedback:awaiting"), {"page": "x"}).status_code == 200
