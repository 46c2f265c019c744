"""Cases: owned by the supervisee, read and commented on by their supervisor, never identifying."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from supervision.models import Case, CaseComment, Supervision
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_case, make_supervision

pytestmark = pytest.mark.django_db

CREATE = reverse("supervision:case_create")


def case_data(supervision, **overrides):
    data = {
        "supervision": supervision.pk,
        "pseudonym": "Rowan",
        "presenting_problem": "Fear of lifts.",
        "goals": "Use the lift at work.",
        "conceptualisation": "",
        "situation": "Waiting for the lift.",
        "automatic_thoughts": "'It will get stuck.'",
        "emotions": "Fear 70%",
        "bodily_reactions": "Sweating",
        "behaviours": "Takes the stairs",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_supervisee_adds_a_case_with_its_vicious_circle(
    client, supervisor, supervisee, supervision
):
    client.force_login(supervisee)
    response = client.post(CREATE, case_data(supervision))
    case = Case.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("supervision:case_detail", args=[case.pk])
    assert case.owner == supervisee
    assert case.automatic_thoughts == "'It will get stuck.'"
    assert [label for label, _ in case.vicious_circle] == [
        "Situation",
        "Automatic thoughts",
        "Emotions",
        "Bodily reactions",
        "Behaviours",
    ]
    supervisor_checker = ClinicalPermissionChecker(supervisor)
    assert supervisor_checker.has_perm("view_case", case)
    assert supervisor_checker.has_perm("comment_case", case)
    assert not supervisor_checker.has_perm("change_case", case)


def test_the_case_form_warns_and_has_no_identifying_fields(client, supervisee, supervision):
    client.force_login(supervisee)
    response = client.get(CREATE)
    content = response.content.decode()
    assert "No identifying details" in content
    fields = set(response.context["form"].fields)
    for identifying in ("name", "first_name", "last_name", "date_of_birth", "address"):
        assert identifying not in fields


@pytest.mark.parametrize(
    ("pseudonym", "message"),
    [
        ("", "This field is required."),
        ("   ", "This field is required."),
        ("jane.doe@example.org", "looks like an e-mail address"),
        ("Born 12/03/1980", "looks like a date"),
    ],
)
def test_bad_pseudonyms_are_refused_next_to_the_field(
    client, supervisee, supervision, pseudonym, message
):
    client.force_login(supervisee)
    response = client.post(CREATE, case_data(supervision, pseudonym=pseudonym))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["pseudonym"])
    # Everything else typed is kept.
    assert "Fear of lifts." in response.content.decode()
    assert not Case.objects.exists()


def test_the_same_pseudonym_twice_in_one_supervision_is_refused(client, supervisee, supervision):
    make_case(supervision, "Rowan")
    client.force_login(supervisee)
    response = client.post(CREATE, case_data(supervision, pseudonym="rowan"))
    assert response.status_code == 200
    assert "already have a case with this pseudonym" in str(response.context["form"].errors)
    assert Case.objects.count() == 1


def test_double_submit_creates_one_case(client, supervisee, supervision):
    client.force_login(supervisee)
    data = case_data(supervision)
    first = client.post(CREATE, data)
    second = client.post(CREATE, data)
    assert Case.objects.count() == 1
    assert first.url == second.url


def test_a_case_can_only_be_brought_to_ones_own_current_supervision(client, supervisee):
    someone_elses = make_supervision()
    ended = make_supervision(supervisee=supervisee)
    supervision_end(supervision=ended)
    client.force_login(supervisee)
    for supervision in (someone_elses, ended):
        response = client.post(CREATE, case_data(supervision))
        assert response.status_code == 200
        assert "Select a valid choice" in str(response.context["form"].errors["supervision"])
    assert not Case.objects.exists()


def test_without_supervision_the_form_says_what_to_do(client):
    client.force_login(UserFactory())
    response = client.get(CREATE)
    assert "once you are in supervision" in response.content.decode()


def test_owner_edits_and_closes_a_case(client, supervisee, supervision):
    case = make_case(supervision, "Rowan")
    client.force_login(supervisee)
    url = reverse("supervision:case_update", args=[case.pk])
    response = client.post(url, {"pseudonym": "", "status": "closed", "goals": "Kept"})
    assert response.status_code == 200
    assert "Kept" in response.content.decode()
    case.refresh_from_db()
    assert case.pseudonym == "Rowan"
    response = client.post(url, {"pseudonym": "Rowan B", "status": "closed", "goals": "Kept"})
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.pseudonym, case.status, case.goals) == ("Rowan B", "closed", "Kept")


def test_owner_deletes_a_case_and_its_permissions_go_with_it(client, supervisee, supervision):
    from supervision.models import CaseUserObjectPermission

    case = make_case(supervision)
    client.force_login(supervisee)
    assert client.post(reverse("supervision:case_delete", args=[case.pk])).status_code == 302
    assert not Case.objects.exists()
    assert not CaseUserObjectPermission.objects.exists()


def test_supervisor_and_supervisee_talk_about_the_case(client, supervisor, supervisee, supervision):
    case = make_case(supervision)
    url = reverse("supervision:case_comment", args=[case.pk])
    client.force_login(supervisor)
    response = client.post(url, {"text": "   "})
    assert response.status_code == 200
    assert "This field is required." in str(response.context["comment_form"].errors["text"])
    key = str(uuid.uuid4())
    client.post(url, {"text": "What keeps it going?", "submission_key": key})
    client.post(url, {"text": "What keeps it going?", "submission_key": key})
    client.force_login(supervisee)
    client.post(url, {"text": "Avoidance, I think."})
    assert list(case.comments.values_list("text", flat=True)) == [
        "What keeps it going?",
        "Avoidance, I think.",
    ]
    content = client.get(reverse("supervision:case_detail", args=[case.pk])).content.decode()
    assert "What keeps it going?" in content


def test_after_the_end_the_former_supervisor_reads_the_conversation_as_it_was(
    client, supervisor, supervisee, supervision
):
    case = make_case(supervision)
    earlier = CaseComment.objects.create(case=case, author=supervisor, text="Before the end")
    five_days_ago = timezone.now() - datetime.timedelta(days=5)
    Case.objects.filter(pk=case.pk).update(created_at=five_days_ago)
    CaseComment.objects.filter(pk=earlier.pk).update(created_at=five_days_ago)
    supervision_end(supervision=supervision, ended_on=timezone.localdate() - datetime.timedelta(1))
    CaseComment.objects.create(case=case, author=supervisee, text="After the end")
    detail = reverse("supervision:case_detail", args=[case.pk])
    client.force_login(supervisor)
    content = client.get(detail).content.decode()
    assert "Before the end" in content
    assert "After the end" not in content
    assert "conversation is closed" in content
    response = client.post(reverse("supervision:case_comment", args=[case.pk]), {"text": "Hi"})
    assert response.status_code == 403
    client.force_login(supervisee)
    assert "After the end" in client.get(detail).content.decode()


def test_the_supervisors_own_supervisor_never_sees_the_case(client, supervisor, supervisee):
    senior = UserFactory()
    make_supervision(senior, supervisor, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    case = make_case(make_supervision(supervisor, supervisee), "Hidden-Case")
    client.force_login(senior)
    assert client.get(reverse("supervision:case_detail", args=[case.pk])).status_code == 404
    assert "Hidden-Case" not in client.get(reverse("supervision:case_list")).content.decode()


def test_a_post_to_someone_elses_case_changes_nothing(client, supervision):
    case = make_case(supervision, "Untouched")
    client.force_login(UserFactory())
    response = client.post(
        reverse("supervision:case_update", args=[case.pk]), {"pseudonym": "Changed"}
    )
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.pseudonym == "Untouched"


def test_case_list_separates_own_cases_from_supervisees_cases(client, supervisor):
    # A supervisor in training: their own case and their supervisee's, each in its place.
    trainer = UserFactory()
    own = make_case(make_supervision(trainer, supervisor), "Own-Case")
    theirs = make_case(make_supervision(supervisor, UserFactory()), "Their-Case")
    client.force_login(supervisor)
    response = client.get(reverse("supervision:case_list"))
    assert list(response.context["own_cases"]) == [own]
    assert list(response.context["supervisees_cases"]) == [theirs]


@pytest.mark.parametrize("typed", ["Zoe\u0301", "ZOÉ", " zoé "])
def test_a_pseudonym_that_looks_the_same_is_the_same(client, supervisee, supervision, typed):
    """Issue 10, item 6: `Zoé` with a combining accent, or in capitals, beside `Zoé`."""
    make_case(supervision, "Zoé")
    client.force_login(supervisee)
    response = client.post(CREATE, case_data(supervision, pseudonym=typed))
    assert response.status_code == 200
    assert "already have a case with this pseudonym" in response.content.decode()
    assert Case.objects.count() == 1


def test_a_pseudonym_with_a_direction_control_is_refused(client, supervisee, supervision):
    client.force_login(supervisee)
    response = client.post(CREATE, case_data(supervision, pseudonym="Ann\u202egpj"))
    assert response.status_code == 200
    assert "change the direction of the text" in response.content.decode()
    assert not Case.objects.exists()


def test_the_database_holds_case_folded_uniqueness_whatever_the_form(supervision):
    from django.db import IntegrityError, transaction

    Case.objects.create(supervision=supervision, pseudonym="Zoé")
    with pytest.raises(IntegrityError), transaction.atomic():
        Case.objects.create(supervision=supervision, pseudonym="ZOÉ")


def test_a_case_already_discussed_is_not_deleted(client, supervisor, supervisee, supervision):
    """Issue 10, item 1 as a kind: a delete is checked against the case's history."""
    from supervision.services.cases import case_comment_add

    case = make_case(supervision, "Rowan")
    case_comment_add(case=case, author=supervisor, text="What keeps it going?")
    client.force_login(supervisee)
    response = client.post(reverse("supervision:case_delete", args=[case.pk]), follow=True)
    assert "stays in the record" in response.content.decode()
    assert Case.objects.filter(pk=case.pk).exists() and CaseComment.objects.count() == 1


def test_a_case_field_past_the_limit_is_refused_beside_it(client, supervisor, supervision):
    client.force_login(supervision.supervisee)
    response = client.post(CREATE, case_data(supervision, goals="g" * 20_001))
    assert response.status_code == 200
    assert "at most 20000 characters" in " ".join(response.context["form"].errors["goals"])
    assert not Case.objects.exists()
