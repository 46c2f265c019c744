"""Administrations: scored once at submission, kept private, ratings of someone else released like feedback."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from questionnaires.scoring import QuestionnaireResult, score_questionnaire
from questionnaires.selectors import (
    administrations_about,
    administrations_shared_with,
    ratings_given,
    ratings_received,
)
from questionnaires.services import rating_release, rating_start
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision
from tests.questionnaires.conftest import ALL_THREES, administer, make_questionnaire
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.forms.builder import build_worksheet_form
from worksheets.selectors.entries import entries_shared_with
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db


def test_submitting_scores_the_answers_by_the_versions_frozen_definition(
    supervisee, hand_check_version
):
    answers = {"w1": 1, "w2": 2, "w3": 5, "w4": None, "d1": 5, "d2": 1, "d3": 4}
    entry = administer(supervisee, hand_check_version, answers)
    expected = score_questionnaire(make_questionnaire(slug=entry.result["questionnaire"]), answers)
    assert entry.result == expected.to_dict()
    result = QuestionnaireResult.from_dict(entry.result)
    # worry: 1, 2, 5 reversed to 1 → mean 4/3 = 1.33 (one item may be missing) → low
    assert (str(result.scale("worry").score), result.scale("worry").band.label) == ("1.33", "low")
    # drive: 5 + (6 - 1) + 4 = 14 → high; total 18 prorated to 18 * 7 / 6 = 21: the pass mark
    assert str(result.scale("drive").score) == "14"
    assert (str(result.total.score), result.total.threshold_met) == ("21", True)


def test_a_worksheet_without_scoring_stores_no_result(supervisee):
    template = worksheet_template_create(title="Plain", body=SMALL_BODY, publish=True)
    entry = submit(entry_start(author=supervisee, template_version=template.versions.get()))
    assert entry.result is None


def test_an_answer_the_scoring_refuses_is_not_submitted(supervisee, hand_check_version):
    with pytest.raises(ValidationError) as refused:
        administer(supervisee, hand_check_version, {**ALL_THREES, "w1": 9})
    assert "w1" in refused.value.message_dict


def _form(version, answers):
    data = {f"q-{name}": str(value) for name, value in answers.items() if value is not None}
    return build_worksheet_form(version.definition, version.questionnaire, data=data)


def test_the_form_asks_for_the_answers_a_total_needs(hand_check_version):
    # The hand check has a total allowing two missing items: two blanks are fine, three are not.
    two_blank = {**ALL_THREES, "w1": None, "d1": None}
    assert _form(hand_check_version, two_blank).is_valid()
    form = _form(hand_check_version, {**two_blank, "w2": None})
    assert not form.is_valid()
    assert form.errors["w1"] == ["Please rate this statement."]
    assert set(form.errors) == {"w1", "d1", "w2", "__all__"}
    assert form.non_field_errors() == [
        "Rate 1 more of the statements marked below before submitting: at most 2 may be left out."
    ]


def test_without_a_total_every_scale_must_be_scorable(supervisee):
    from tests.questionnaires.conftest import questionnaire_template

    version = questionnaire_template(make_questionnaire(total=None, slug="no-total")).versions.get()
    one_worry_blank = {**ALL_THREES, "w1": None}
    assert _form(version, one_worry_blank).is_valid()
    form = _form(version, {**one_worry_blank, "w2": None})
    assert not form.is_valid()
    assert set(form.errors) == {"w1", "w2", "__all__"}


def test_answers_outside_the_range_are_refused_beside_the_statement(hand_check_version):
    form = _form(hand_check_version, {**ALL_THREES, "d1": 6})
    assert not form.is_valid()
    assert form.errors["d1"] == ["Choose a point from 1 to 5."]


def test_results_are_private_until_shared_and_sharing_can_be_undone(
    supervisee, supervisor, supervision, hand_check_version
):
    entry = administer(supervisee, hand_check_version)
    key = hand_check_version.questionnaire_key
    assert list(administrations_about(supervisee, key, viewer=supervisee)) == [entry]
    assert not administrations_about(supervisee, key, viewer=supervisor).exists()
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    assert list(administrations_about(supervisee, key, viewer=supervisor)) == [entry]
    assert list(administrations_shared_with(supervisor)) == [entry]
    entry_sharing_set(entry=entry, supervisors=[], allowed=[supervisor])
    assert not administrations_about(supervisee, key, viewer=supervisor).exists()


def test_a_rating_needs_a_current_supervisee_as_its_subject(
    supervisor, supervisee, supervision, rating_version, hand_check_version
):
    with pytest.raises(ValidationError, match="choose whom you rate"):
        entry_start(author=supervisor, template_version=rating_version)
    with pytest.raises(ValidationError, match="only people you currently supervise"):
        entry_start(author=supervisor, template_version=rating_version, subject=UserFactory())
    with pytest.raises(ValidationError, match="only people you currently supervise"):
        entry_start(author=supervisee, template_version=rating_version, subject=supervisor)
    with pytest.raises(ValidationError, match="Only a questionnaire rated by someone else"):
        entry_start(author=supervisor, template_version=hand_check_version, subject=supervisee)
    supervision_end(supervision=supervision)
    with pytest.raises(ValidationError, match="only people you currently supervise"):
        entry_start(author=supervisor, template_version=rating_version, subject=supervisee)


def test_the_person_rated_sees_the_rating_only_once_it_is_released(
    supervisor, supervisee, supervision, rating_version
):
    token = uuid.uuid4()
    draft = rating_start(
        rater=supervisor, template_version=rating_version, subject=supervisee, start_token=token
    )
    # Pressing "Start" twice starts one rating.
    assert (
        rating_start(
            rater=supervisor, template_version=rating_version, subject=supervisee, start_token=token
        )
        == draft
    )
    with pytest.raises(ValidationError, match="Submit the rating"):
        rating_release(entry=draft)
    rating = administer(supervisor, rating_version, subject=supervisee)
    assert rating.result["rated_by_someone_else"] is True
    assert not ClinicalPermissionChecker(supervisee).has_perm("view_entry", rating)
    assert not ratings_received(supervisee).exists()
    assert list(ratings_given(supervisor)) == [rating, draft]
    with pytest.raises(ValidationError, match="releasing it, not by sharing"):
        entry_sharing_set(entry=rating, supervisors=[], allowed=[])

    released = rating_release(entry=rating)
    assert released.is_released
    assert ClinicalPermissionChecker(supervisee).has_perm("view_entry", rating)
    assert list(ratings_received(supervisee)) == [rating]
    # A released rating is not a shared entry, and releasing twice changes nothing.
    assert not entries_shared_with(supervisee).exists()
    assert rating_release(entry=rating).released_at == released.released_at
    # The rating belongs to the subject's history of that questionnaire, for both of them.
    key = rating_version.questionnaire_key
    assert list(administrations_about(supervisee, key, viewer=supervisee)) == [rating]
    assert list(administrations_about(supervisee, key, viewer=supervisor)) == [rating]
    assert not administrations_about(supervisor, key, viewer=supervisor).exists()


def test_a_supervisors_own_supervisor_never_sees_the_ratings_they_give(rating_version):
    trainee, supervisor, their_supervisor = UserFactory(), UserFactory(), UserFactory()
    make_supervision(supervisor, trainee)
    make_supervision(their_supervisor, supervisor)
    rating = rating_release(entry=administer(supervisor, rating_version, subject=trainee))
    assert not ClinicalPermissionChecker(their_supervisor).has_perm("view_entry", rating)
    assert not administrations_shared_with(their_supervisor).exists()
