"""Pathways in the Wagtail admin: who sees and changes which, and bad input refused beside the step."""

import pytest
from django.urls import reverse

from pathways.models import Pathway, PathwayStep
from pathways.services import pathway_owner_grant
from supervision.permissions import ClinicalPermissionChecker
from tests.factories import make_supervision
from tests.pathways.factories import make_pathway

pytestmark = pytest.mark.django_db

ADD = "wagtailsnippets_pathways_pathway:add"
EDIT = "wagtailsnippets_pathways_pathway:edit"
LIST = "wagtailsnippets_pathways_pathway:list"

STEP_FIELDS = (
    "kind",
    "title",
    "instructions",
    "reading",
    "lesson",
    "worksheet",
    "release",
    "waits_for",
    "delay_days",
    "release_on",
    "due_days",
)


def form_data(steps, title="My own pathway"):
    data = {
        "title": title,
        "introduction": "Two weeks of small steps.",
        "category": "self_work",
        "steps-TOTAL_FORMS": str(len(steps)),
        "steps-INITIAL_FORMS": "0",
        "steps-MIN_NUM_FORMS": "0",
        "steps-MAX_NUM_FORMS": "1000",
    }
    for index, step in enumerate(steps):
        row = {"kind": "reflection", "due_days": "7", **step}
        for name in STEP_FIELDS:
            data[f"steps-{index}-{name}"] = str(row.get(name, ""))
        data[f"steps-{index}-ORDER"] = str(index + 1)
        data[f"steps-{index}-DELETE"] = ""
        data[f"steps-{index}-id"] = ""
    return data


FIRST = {"title": "Why", "release": "immediately"}


def test_a_supervisor_creating_a_pathway_owns_it(client, supervisor, supervision):
    client.force_login(supervisor)
    response = client.post(
        reverse(ADD),
        form_data([FIRST, {"title": "Then", "release": "after_delay", "delay_days": "2"}]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    pathway = Pathway.objects.get(title="My own pathway")
    assert pathway.owner == supervisor
    assert [step.title for step in pathway.steps.all()] == ["Why", "Then"]
    assert ClinicalPermissionChecker(supervisor).has_perm("change_pathway", pathway)


def test_course_staff_add_to_the_library(client, course_editor):
    client.force_login(course_editor)
    response = client.post(reverse(ADD), form_data([FIRST], title="For everyone"))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert Pathway.objects.get(title="For everyone").is_library


@pytest.mark.parametrize(
    ("steps", "message"),
    [
        ([], "A pathway needs at least one step."),
        (
            [FIRST, {"title": "Then", "release": "after_delay", "delay_days": "0"}],
            "0 days is no delay",
        ),
        (
            [FIRST, {"title": "Then", "release": "after_delay", "delay_days": "400"}],
            "at most 365 days",
        ),
        (
            [
                FIRST,
                {"title": "B", "release": "after_previous", "waits_for": "3"},
                {"title": "C", "release": "after_previous"},
            ],
            "wait for each other in a circle",
        ),
    ],
    ids=["no steps", "delay of 0 days", "delay over a year", "cycle"],
)
def test_bad_steps_are_refused_with_a_clear_message_and_nothing_is_saved(
    client, supervisor, supervision, steps, message
):
    client.force_login(supervisor)
    response = client.post(reverse(ADD), form_data(steps))
    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert "My own pathway" in content  # what was typed is kept
    assert not Pathway.objects.exists() and not PathwayStep.objects.exists()


def test_an_edit_that_makes_a_circle_leaves_the_pathway_as_it_was(client, supervisor, supervision):
    pathway = make_pathway(owner=supervisor)
    pathway_owner_grant(pathway=pathway)
    steps = list(pathway.steps.all())
    data = form_data([])
    data.update({"steps-TOTAL_FORMS": "3", "steps-INITIAL_FORMS": "3"})
    for index, step in enumerate(steps):
        for name in STEP_FIELDS:
            value = (
                getattr(step, f"{name}_id", None)
                if name in ("lesson", "worksheet")
                else getattr(step, name)
            )
            data[f"steps-{index}-{name}"] = "" if value is None else str(value)
        data[f"steps-{index}-ORDER"] = str(index + 1)
        data[f"steps-{index}-DELETE"] = ""
        data[f"steps-{index}-id"] = str(step.pk)
    data["steps-1-waits_for"] = "3"
    data["title"] = "Renamed"
    client.force_login(supervisor)
    response = client.post(reverse(EDIT, args=[pathway.pk]), data)
    assert response.status_code == 200
    assert "circle" in response.content.decode()
    pathway.refresh_from_db()
    assert pathway.title == "Three small steps"
    assert PathwayStep.objects.get(pk=steps[1].pk).waits_for is None


def test_supervisors_see_the_library_and_their_own_but_not_someone_elses(
    client, supervisor, supervision
):
    library = make_pathway(title="From the library")
    mine = make_pathway(owner=supervisor, title="Mine")
    pathway_owner_grant(pathway=mine)
    other = make_supervision().supervisor
    theirs = make_pathway(owner=other, title="Theirs")
    pathway_owner_grant(pathway=theirs)
    client.force_login(supervisor)
    content = client.get(reverse(LIST)).content.decode()
    assert "From the library" in content and "Mine" in content and "Theirs" not in content
    assert client.get(reverse(EDIT, args=[mine.pk])).status_code == 200
    assert client.get(reverse(EDIT, args=[theirs.pk])).status_code == 404
    refused = client.get(reverse(EDIT, args=[library.pk]))
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")


def test_trainees_have_no_admin_access(client, supervisee, supervision):
    client.force_login(supervisee)
    assert client.get(reverse(LIST)).status_code == 302


def test_the_listing_offers_copying_and_sharing_where_they_apply(client, supervisor, supervision):
    library = make_pathway(title="From the library")
    mine = make_pathway(owner=supervisor, title="Mine")
    pathway_owner_grant(pathway=mine)
    client.force_login(supervisor)
    content = client.get(reverse(LIST)).content.decode()
    assert reverse("pathways:copy", args=[library.pk]) in content
    assert reverse("pathways:sharing", args=[mine.pk]) in content
    assert reverse("pathways:sharing", args=[library.pk]) not in content
