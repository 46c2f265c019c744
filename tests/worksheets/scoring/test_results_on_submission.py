"""Submitting an entry scores a questionnaire once, by its version's frozen definition; the form asks for what a score needs."""

import pytest
from django.core.exceptions import ValidationError

from tests.worksheets.conftest import SMALL_BODY, submit
from tests.worksheets.scoring.factories import (
    ALL_THREES,
    administer,
    make_questionnaire,
    questionnaire_template,
)
from worksheets.forms.builder import build_worksheet_form
from worksheets.scoring.results import QuestionnaireResult, score_questionnaire
from worksheets.services.entries import entry_start
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
