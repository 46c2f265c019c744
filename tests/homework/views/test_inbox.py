"""The supervisor's inbox, "Homework I set": what it lists, its filters, and its query count."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment
from homework.services.entries import occurrence_entry_start
from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment
from worksheets.services.entries import entry_submit

pytestmark = pytest.mark.django_db
URL = reverse("homework:set_by_me")


def hand_in(assignment):
    occurrence = assignment.expected.first()
    entry = occurrence_entry_start(occurrence=occurrence, author=assignment.supervision.supervisee)
    return entry_submit(
        entry=entry,
        answers={},
        reflection="Done",
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )


def titles(response) -> list[str]:
    return [assignment.title for assignment in response.context["page"].object_list]


def test_lists_what_the_supervisor_set_with_what_awaits_feedback_first(client, supervisor):
    ana = make_supervision(supervisor, UserFactory(display_name="Ana"))
    ben = make_supervision(supervisor, UserFactory(display_name="Ben"))
    make_assignment(
        ana, title="Later", starts_on=timezone.localdate() + datetime.timedelta(days=20)
    )
    make_assignment(ben, title="Soon", starts_on=timezone.localdate() + datetime.timedelta(days=2))
    hand_in(make_assignment(ben, title="Handed in"))
    # Someone else's homework, and the supervisor's own homework as a supervisee, stay out.
    make_assignment(make_supervision(UserFactory(), UserFactory()), title="Not mine")
    make_assignment(make_supervision(UserFactory(), supervisor), title="My own homework")
    client.force_login(supervisor)

    response = client.get(URL)

    assert titles(response) == ["Handed in", "Soon", "Later"]
    assert b"Your feedback" in response.content


def test_filters_by_supervisee_status_and_due_date(client, supervisor):
    ana_person = UserFactory(display_name="Ana")
    ana = make_supervision(supervisor, ana_person)
    ben = make_supervision(supervisor, UserFactory(display_name="Ben"))
    make_assignment(ana, title="Ana's", starts_on=timezone.localdate() + datetime.timedelta(days=3))
    far = make_assignment(
        ben, title="Ben's", starts_on=timezone.localdate() + datetime.timedelta(days=30)
    )
    Assignment.objects.filter(pk=far.pk).update(status=Assignment.Status.DROPPED)
    client.force_login(supervisor)

    assert titles(client.get(URL, {"supervisee": ana_person.pk})) == ["Ana's"]
    assert titles(client.get(URL, {"status": "dropped"})) == ["Ben's"]
    assert titles(client.get(URL, {"status": "open"})) == ["Ana's"]
    assert titles(client.get(URL, {"due": "week"})) == ["Ana's"]
    assert titles(client.get(URL, {"due": "later"})) == ["Ben's"]
    assert titles(client.get(URL, {"due": "overdue"})) == []


def test_a_supervisee_of_someone_else_cannot_be_chosen(client, supervisor):
    stranger = UserFactory()
    make_assignment(make_supervision(UserFactory(), stranger), title="Not mine")
    client.force_login(supervisor)

    response = client.get(URL, {"supervisee": stranger.pk})

    assert response.status_code == 200
    assert response.context["form"].errors["supervisee"]
    assert titles(response) == []


def test_query_count_does_not_grow_with_rows(client, supervisor, django_assert_max_num_queries):
    client.force_login(supervisor)
    supervision = make_supervision(supervisor, UserFactory())
    make_assignment(supervision)
    with django_assert_max_num_queries(30) as few:
        client.get(URL)
    for index in range(6):
        other = make_supervision(supervisor, UserFactory())
        hand_in(make_assignment(other, title=f"Homework {index}"))
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(URL)
    assert len(titles(response)) == 7


def test_pages_link_to_each_other_keeping_the_filters(client, supervisor, monkeypatch):
    monkeypatch.setattr("homework.views.inbox.PER_PAGE", 1)
    supervision = make_supervision(supervisor, UserFactory())
    for index in range(3):
        make_assignment(supervision, title=f"Homework {index}")
    client.force_login(supervisor)

    first, middle, last = (
        client.get(URL, {"status": "open", "page": page}).content.decode() for page in (1, 2, 3)
    )

    assert "Page 2 of 3" in middle
    assert 'href="?status=open&amp;page=1">Previous page</a>' in middle
    assert 'href="?status=open&amp;page=3">Next page</a>' in middle
    assert "Previous page" not in first and 'href="?status=open&amp;page=2">Next' in first
    assert 'href="?status=open&amp;page=2">Previous' in last and "Next page" not in last
    unfiltered = client.get(URL).content.decode()
    assert 'href="?page=2">Next page</a>' in unfiltered
