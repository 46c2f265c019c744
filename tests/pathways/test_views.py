"""Assigning a pathway, seeing its steps in "My homework", reviewing a step, copying and sharing."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from homework.models import Assignment, Review
from pathways.models import Pathway
from pathways.rules import Release
from pathways.services import pathway_assign, pathway_owner_grant
from tests.factories import make_meeting, make_supervision
from tests.pathways.factories import hand_in, local_today, make_pathway, step

pytestmark = pytest.mark.django_db


def assign_data(pathway, **extra):
    return {
        "pathway": str(pathway.pk),
        "rationale": "Practice before asking patients to.",
        "confidence": "8",
        "obstacles-TOTAL_FORMS": "3",
        "obstacles-INITIAL_FORMS": "0",
        "obstacles-MIN_NUM_FORMS": "0",
        "obstacles-MAX_NUM_FORMS": "10",
        "obstacles-0-obstacle": "Tired evenings",
        "obstacles-0-plan": "Do it at lunch",
        **extra,
    }


def assigned(supervision, pathway=None):
    return pathway_assign(
        pathway=pathway or make_pathway(),
        supervision=supervision,
        supervisor=supervision.supervisor,
        data={"rationale": "Small steps.", "confidence": 7},
    )


def test_the_supervisor_assigns_a_pathway_as_one_homework(client, supervision, supervisor):
    pathway = make_pathway()
    client.force_login(supervisor)
    url = reverse("pathways:assign", args=[supervision.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Three small steps" in page.content.decode()
    response = client.post(url, assign_data(pathway))
    assignment = Assignment.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("homework:assignment_detail", args=[assignment.pk])
    assert assignment.rationale == "Practice before asking patients to."
    assert assignment.expected.count() == 3 and assignment.obstacles.count() == 1


def test_bad_input_is_shown_beside_the_field_and_kept(client, supervision, supervisor):
    pathway = make_pathway()
    client.force_login(supervisor)
    response = client.post(
        reverse("pathways:assign", args=[supervision.pk]),
        assign_data(pathway, confidence="11", rationale="Kept as typed"),
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Ensure this value is less than or equal to 10." in content
    assert "Kept as typed" in content
    assert not Assignment.objects.exists()


def test_a_pathway_of_someone_else_cannot_be_assigned(client, supervision, supervisor):
    theirs = make_pathway(owner=make_supervision().supervisor, title="Private")
    pathway_owner_grant(pathway=theirs)
    client.force_login(supervisor)
    response = client.post(reverse("pathways:assign", args=[supervision.pk]), assign_data(theirs))
    assert response.status_code == 200
    assert "Private" not in response.content.decode()
    assert not Assignment.objects.exists()


def test_my_homework_shows_progress_the_next_step_and_when_locked_steps_open(
    client, supervision, supervisee
):
    assignment = assigned(supervision)
    client.force_login(supervisee)
    content = client.get(reverse("homework:due")).content.decode()
    assert "0 of 3 steps handed in" in content
    assert "Next: step 1, Why I am doing this" in content
    assert "opens when step 1 is handed in" in content
    assert "opens 3 days after step 2 is handed in" in content
    # The released step is in the due lists with its own due date; locked ones are not.
    assert content.count('class="due-item"') == 1
    assert f"(step 1 of 3 of “{assignment.title}”)" in content
    due = local_today(supervisee) + datetime.timedelta(days=7)
    assert f"Due {due:%A} {due.day} {due:%B}" in content
    hand_in(assignment.expected.get(sequence=1), supervisee)
    content = client.get(reverse("homework:due")).content.decode()
    assert "1 of 3 steps handed in" in content


def test_my_homework_queries_do_not_grow_with_pathways(client, supervision, supervisee):
    assigned(supervision)
    client.force_login(supervisee)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("homework:due"))
    for index in range(6):
        hand_in(
            assigned(supervision, make_pathway(title=f"Pathway {index}")).expected.get(sequence=1),
            supervisee,
        )
    with CaptureQueriesContext(connection) as many:
        content = client.get(reverse("homework:due")).content.decode()
    assert content.count("pathway-progress") == 7
    assert len(many) == len(few)


def test_the_homework_page_lists_the_steps_and_a_step_can_be_reviewed_at_the_meeting(
    client, supervision, supervisor
):
    assignment = assigned(supervision)
    first = assignment.expected.get(sequence=1)
    hand_in(first, supervision.supervisee)
    meeting = make_meeting(supervision, date=local_today(supervisor))
    # The meeting reviews homework due by its date: step 1 was due today.
    assignment.expected.filter(pk=first.pk).update(due_on=meeting.date)
    client.force_login(supervisor)
    record = client.get(reverse("supervision:meeting_detail", args=[meeting.pk])).content.decode()
    detail = reverse("homework:assignment_detail", args=[assignment.pk])
    assert f"{detail}?meeting={meeting.pk}#entries" in record  # "Review one of its steps"
    content = client.get(f"{detail}?meeting={meeting.pk}").content.decode()
    assert "Steps (1 of 3 handed in)" in content
    # Its due dates are the steps' own, not one range from the first to the last.
    assert "In 3 steps (a pathway), each due on its own day" in content
    assert " times, from " not in content
    assert f"?step={first.pk}&amp;meeting={meeting.pk}" in content
    url = reverse("homework:review_create", args=[assignment.pk])
    query = f"?step={first.pk}&meeting={meeting.pk}"
    assert "This review is of step 1" in client.get(url + query).content.decode()
    response = client.post(url + query, {"outcome": "done", "learned": "Writing it helped."})
    assert response.status_code == 302
    review = Review.objects.get()
    assert review.occurrence == first and review.meeting == meeting
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ACTIVE  # the pathway as a whole goes on
    # ... and the pathway as a whole is reviewed the same day, beside it.
    client.post(
        url + f"?meeting={meeting.pk}",
        {"outcome": "partly", "reason": "circumstances", "next_step": "keep"},
    )
    assert Review.objects.filter(occurrence__isnull=True).count() == 1


def test_a_locked_step_cannot_be_reviewed_on_its_own(client, supervision, supervisor):
    locked = assigned(supervision).expected.get(sequence=2)
    client.force_login(supervisor)
    url = reverse("homework:review_create", args=[locked.assignment_id])
    assert client.get(url + f"?step={locked.pk}").status_code == 404


def test_a_supervisor_copies_a_library_pathway_and_shares_the_copy(client, supervision, supervisor):
    library = make_pathway(title="Library pathway")
    colleague = make_supervision().supervisor
    client.force_login(supervisor)
    response = client.post(reverse("pathways:copy", args=[library.pk]))
    copy = Pathway.objects.get(owner=supervisor)
    assert response.status_code == 302
    assert copy.title == "Library pathway (my copy)" and copy.steps.count() == 3
    response = client.post(
        reverse("pathways:sharing", args=[copy.pk]), {"colleagues": [colleague.pk]}
    )
    assert response.status_code == 302
    client.force_login(colleague)
    page = client.get(reverse("pathways:assign", args=[make_supervision(colleague).pk]))
    assert "Library pathway (my copy)" in page.content.decode()


def test_the_homework_page_queries_do_not_grow_with_steps(client, supervision, supervisee):
    def pathway_of(count):
        return make_pathway(
            [step("First", Release.IMMEDIATELY)] + [step(f"Step {n}") for n in range(2, count + 1)],
            title=f"{count} steps",
        )

    short, long = assigned(supervision, pathway_of(2)), assigned(supervision, pathway_of(9))
    for assignment in (short, long):
        hand_in(assignment.expected.get(sequence=1), supervisee)
    client.force_login(supervisee)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("homework:assignment_detail", args=[short.pk]))
    with CaptureQueriesContext(connection) as many:
        content = client.get(reverse("homework:assignment_detail", args=[long.pk])).content.decode()
    assert "Steps (1 of 9 handed in)" in content
    assert len(many) == len(few)
