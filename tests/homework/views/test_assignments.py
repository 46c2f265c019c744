"""Agreeing homework: specific, with a rationale, obstacles planned for and confidence rated."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment
from notifications.models import Notification
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory
from tests.homework.factories import assignment_data, make_assignment

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = assignment_data(**overrides)
    data = {key: ("" if value is None else value) for key, value in data.items()}
    data.update(
        {
            "obstacles-TOTAL_FORMS": "3",
            "obstacles-INITIAL_FORMS": "0",
            "obstacles-MIN_NUM_FORMS": "0",
            "obstacles-MAX_NUM_FORMS": "10",
            "obstacles-0-obstacle": "I forget once the next patient arrives",
            "obstacles-0-plan": "A reminder in my diary after each session",
        }
    )
    return data


def create_url(supervision):
    return reverse("homework:assignment_create", args=[supervision.pk])


def test_supervisor_assigns_homework_with_rationale_obstacles_and_schedule(
    client, supervision, supervisor, supervisee
):
    client.force_login(supervisor)
    assert client.get(create_url(supervision)).status_code == 200
    response = client.post(
        create_url(supervision), form_data(schedule="daily", occurrences=7, confidence=5)
    )
    assignment = Assignment.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("homework:assignment_detail", args=[assignment.pk])
    assert assignment.status == Assignment.Status.ACTIVE
    assert assignment.expected.count() == 7
    assert assignment.obstacles.get().plan == "A reminder in my diary after each session"
    note = Notification.objects.get(recipient=supervisee)
    assert note.kind == Notification.Kind.ASSIGNMENT_NEW
    # Low confidence is a suggestion, never a refusal.
    followed = client.get(response.url)
    assert "Below 7 is a sign to make the task smaller or easier" in followed.content.decode()
    assert ClinicalPermissionChecker(supervisee).has_perm("view_assignment", assignment)
    assert not ClinicalPermissionChecker(supervisee).has_perm("change_assignment", assignment)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"starts_on": timezone.localdate() - datetime.timedelta(days=1)},
            "starts_on",
            "before today",
        ),
        ({"schedule": "daily", "occurrences": 0}, "occurrences", "between 1 and 60"),
        ({"schedule": "weekly", "occurrences": 61}, "occurrences", "between 1 and 60"),
        ({"confidence": 11}, "confidence", "less than or equal to 10"),
        ({"confidence": -1}, "confidence", "greater than or equal to 0"),
        ({"title": ""}, "title", "required"),
    ],
)
def test_bad_input_is_refused_beside_the_field_and_kept(
    client, supervision, supervisor, overrides, field, message
):
    client.force_login(supervisor)
    response = client.post(create_url(supervision), form_data(**overrides))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "I forget once the next patient arrives" in response.content.decode()
    assert not Assignment.objects.exists()


def test_obstacle_without_a_plan_is_refused(client, supervision, supervisor):
    client.force_login(supervisor)
    data = form_data()
    data["obstacles-0-plan"] = ""
    response = client.post(create_url(supervision), data)
    assert response.status_code == 200
    assert "Say how you plan" in response.content.decode()
    assert not Assignment.objects.exists()


def test_supervisee_proposes_only_when_allowed_and_supervisor_accepts(
    client, supervision, supervisor, supervisee
):
    client.force_login(supervisee)
    assert client.get(create_url(supervision)).status_code == 403
    supervision.supervisee_may_propose = True
    supervision.save()
    response = client.post(create_url(supervision), form_data())
    assignment = Assignment.objects.get()
    assert response.status_code == 302
    assert assignment.status == Assignment.Status.PROPOSED
    assert Notification.objects.filter(recipient=supervisor).count() == 1

    accept = reverse("homework:assignment_accept", args=[assignment.pk])
    assert client.post(accept).status_code == 403  # the supervisee cannot accept their own
    client.force_login(supervisor)
    client.post(accept)
    client.post(accept)  # a double click changes nothing more
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ACTIVE
    assert (
        Notification.objects.filter(
            recipient=supervisee, kind=Notification.Kind.PROPOSAL_ACCEPTED
        ).count()
        == 1
    )


def last_message(response) -> str:
    return [str(message) for message in response.context["messages"]][-1]


def test_dropping_in_two_tabs_drops_once_and_says_so(client, supervision, supervisor):
    """The second tab said "Homework dropped" again and made a new version of it."""
    assignment = make_assignment(supervision)
    client.force_login(supervisor)
    drop = reverse("homework:assignment_drop", args=[assignment.pk])
    client.post(drop)
    version = Assignment.objects.get().version
    response = client.post(drop, follow=True)
    assert response.status_code == 200
    assert last_message(response) == "This homework was already dropped. It stays in the record."
    assert Assignment.objects.get().version == version


def test_accepting_a_proposal_dropped_in_another_tab_says_it_was_dropped(
    client, supervision, supervisor
):
    assignment = make_assignment(supervision)
    Assignment.objects.filter(pk=assignment.pk).update(status=Assignment.Status.PROPOSED)
    client.force_login(supervisor)
    accept = reverse("homework:assignment_accept", args=[assignment.pk])
    client.post(reverse("homework:assignment_drop", args=[assignment.pk]))
    response = client.post(accept, follow=True)
    assert response.status_code == 200
    assert last_message(response) == "This proposal was dropped, so it can no longer be accepted."
    assert Assignment.objects.get().status == Assignment.Status.DROPPED
    Assignment.objects.filter(pk=assignment.pk).update(status=Assignment.Status.ACTIVE)
    assert last_message(client.post(accept, follow=True)) == "This proposal was already accepted."


def test_other_people_cannot_see_or_set_homework(client, supervision):
    assignment = make_assignment(supervision)
    for outsider in [UserFactory(), UserFactory(is_superuser=True, is_staff=True)]:
        client.force_login(outsider)
        assert client.get(create_url(supervision)).status_code == 404
        detail = reverse("homework:assignment_detail", args=[assignment.pk])
        assert client.get(detail).status_code == 404
        edit = reverse("homework:assignment_edit", args=[assignment.pk])
        assert client.post(edit, form_data(title="Hijacked")).status_code == 404
    assignment.refresh_from_db()
    assert assignment.title != "Hijacked"


def test_no_new_homework_after_the_supervision_ends(client, supervision, supervisor):
    supervision_end(supervision=supervision)
    client.force_login(supervisor)
    assert client.post(create_url(supervision), form_data()).status_code == 403
    assert not Assignment.objects.exists()


def test_an_edit_based_on_a_stale_version_is_refused_and_keeps_the_text(
    client, supervision, supervisor
):
    assignment = make_assignment(supervision)
    edit = reverse("homework:assignment_edit", args=[assignment.pk])
    client.force_login(supervisor)
    first_tab = form_data(title="First tab title", version=assignment.version)
    second_tab = form_data(title="Second tab title", version=assignment.version)
    assert client.post(edit, first_tab).status_code == 302
    response = client.post(edit, second_tab)
    assert response.status_code == 200
    assert "Someone changed this homework" in response.content.decode()
    assert "Second tab title" in response.content.decode()
    assignment.refresh_from_db()
    assert assignment.title == "First tab title"


def test_changing_the_schedule_changes_the_expected_occurrences(client, supervision, supervisor):
    assignment = make_assignment(supervision)
    client.force_login(supervisor)
    edit = reverse("homework:assignment_edit", args=[assignment.pk])
    client.post(edit, form_data(schedule="weekly", occurrences=4, version=assignment.version))
    dates = list(assignment.expected.values_list("due_on", flat=True))
    assert len(dates) == 4
    assert dates[1] - dates[0] == datetime.timedelta(days=7)


def test_the_supervisor_lets_the_supervisee_propose_from_the_relationship_page(
    client, supervision, supervisor, supervisee
):
    page = reverse("supervision:supervision_detail", args=[supervision.pk])
    setting = reverse("homework:proposals_setting", args=[supervision.pk])
    client.force_login(supervisee)
    assert "Propose homework" not in client.get(page).content.decode()
    assert client.post(setting, {"supervisee_may_propose": "on"}).status_code == 403
    client.force_login(supervisor)
    assert "may propose their own homework" in client.get(page).content.decode()
    client.post(setting, {"supervisee_may_propose": "on"})
    supervision.refresh_from_db()
    assert supervision.supervisee_may_propose
    client.force_login(supervisee)
    assert "Propose homework" in client.get(page).content.decode()


def test_questionnaires_can_be_assigned_but_rating_forms_cannot(supervisor):
    from homework.forms import worksheet_versions_for
    from worksheets.services.library import library_load

    library_load()
    titles = [version.title for version in worksheet_versions_for(supervisor)]
    assert any("schema" in title.lower() for title in titles)
    assert not any("competence" in title.lower() for title in titles)


def test_new_homework_is_due_by_the_next_planned_meeting(client, supervision, supervisor):
    """Issue 16: homework is reviewed at the next meeting, so that is its natural due date."""
    import datetime

    from django.utils import timezone

    from tests.factories import make_meeting

    today = timezone.localdate()
    agreed_in = make_meeting(supervision, date=today)
    make_meeting(supervision, date=today + datetime.timedelta(days=30))
    next_one = make_meeting(supervision, date=today + datetime.timedelta(days=12))
    client.force_login(supervisor)
    url = reverse("homework:assignment_create", args=[supervision.pk])

    response = client.get(f"{url}?meeting={agreed_in.pk}")

    assert response.context["form"]["starts_on"].value() == next_one.date
