"""The bundled questionnaires: files as a version freezes them, valid, complete, scored as expected, loaded exactly."""

import json
from decimal import Decimal

import pytest

from worksheets import definitions as d
from worksheets.library import questionnaires as bundled
from worksheets.models import TemplateVersion, WorksheetTemplate
from worksheets.scoring.definitions import Questionnaire
from worksheets.scoring.results import score_questionnaire
from worksheets.scoring.validation import validate_definition
from worksheets.services.library import library_load

BUNDLED_QUESTIONNAIRES = bundled.bundled_questionnaires()
SCHEMA_SELF_CHECK = bundled.bundled_questionnaire(bundled.SCHEMA_SELF_CHECK)
HOMEWORK_BELIEFS = bundled.bundled_questionnaire(bundled.HOMEWORK_BELIEFS)
COMPETENCE_RATING = bundled.bundled_questionnaire(bundled.COMPETENCE_RATING)


@pytest.mark.parametrize("questionnaire", BUNDLED_QUESTIONNAIRES, ids=lambda q: q.slug)
def test_each_bundled_definition_validates(questionnaire):
    assert validate_definition(questionnaire) == []


@pytest.mark.parametrize("questionnaire", BUNDLED_QUESTIONNAIRES, ids=lambda q: q.slug)
def test_each_is_labelled_as_not_a_validated_instrument(questionnaire):
    assert "not a validated" in questionnaire.notice
    assert questionnaire.instructions


@pytest.mark.parametrize("questionnaire", BUNDLED_QUESTIONNAIRES, ids=lambda q: q.slug)
def test_each_survives_a_json_round_trip(questionnaire):
    stored = json.loads(json.dumps(questionnaire.to_dict()))
    assert Questionnaire.from_dict(stored) == questionnaire


@pytest.mark.parametrize("questionnaire", BUNDLED_QUESTIONNAIRES, ids=lambda q: q.slug)
def test_every_scale_has_texts_for_reflection(questionnaire):
    for scale in questionnaire.scales:
        assert scale.description
        assert all(band.interpretation for band in scale.bands)


def test_no_item_text_repeats_across_the_bundle():
    texts = [item.text.casefold() for q in BUNDLED_QUESTIONNAIRES for item in q.items]
    assert len(texts) == len(set(texts))


def test_lookup_by_slug():
    assert bundled.bundled_questionnaire("homework-beliefs") == HOMEWORK_BELIEFS
    with pytest.raises(KeyError):
        bundled.bundled_questionnaire("nope")


def test_schema_self_check_has_the_eight_schemas():
    titles = {scale.title for scale in SCHEMA_SELF_CHECK.scales}
    assert {
        "Demanding standards",
        "Excessive self-sacrifice",
        "Special or superior person",
        "Need for approval",
        "Need for control",
        "Fear of rejection",
        "Difficulty with anger or conflict",
        "Helplessness",
    } <= titles
    for scale in SCHEMA_SELF_CHECK.scales:
        items = SCHEMA_SELF_CHECK.items_of(scale.name)
        assert len(items) >= 4
        assert any(item.reverse_keyed for item in items)
        assert scale.reflection_prompt
    likert = SCHEMA_SELF_CHECK.likert
    assert (likert.minimum, likert.maximum) == (1, 6)
    assert [anchor.value for anchor in likert.anchors] == [1, 2, 3, 4, 5, 6]


def test_schema_self_check_mixes_scales_in_a_fixed_order():
    order = [item.scale for item in SCHEMA_SELF_CHECK.items_in_order()]
    assert all(before != after for before, after in zip(order, order[1:], strict=False))


def test_schema_self_check_scores_by_hand():
    # Agreeing fully (6) with everything: four items count 6, the reversed one counts 1,
    # so each scale's mean is (4 * 6 + 1) / 5 = 5.00, in the "High" band.
    all_sixes = {item.machine_name: 6 for item in SCHEMA_SELF_CHECK.items}
    for result in score_questionnaire(SCHEMA_SELF_CHECK, all_sixes).scales:
        assert (result.score, result.band.label) == (Decimal("5.00"), "High")
    # Answering 2 everywhere: (4 * 2 + 5) / 5 = 2.60, just into "Moderate" (from 2.50).
    all_twos = {item.machine_name: 2 for item in SCHEMA_SELF_CHECK.items}
    for result in score_questionnaire(SCHEMA_SELF_CHECK, all_twos).scales:
        assert (result.score, result.band.label) == (Decimal("2.60"), "Moderate")


def test_homework_beliefs_covers_patient_self_and_homework():
    names = {scale.name for scale in HOMEWORK_BELIEFS.scales}
    assert names == {
        "patient_aggressor",
        "patient_victim",
        "patient_collaborator",
        "self_victim",
        "self_coworker",
        "self_carer",
        "self_rescuer",
        "homework_hopeless",
        "homework_productive",
        "homework_status_quo",
    }
    assert [scale.group for scale in HOMEWORK_BELIEFS.scales] == (
        ["My patient"] * 3 + ["Myself"] * 4 + ["The homework"] * 3
    )
    grouped = [item.scale for item in HOMEWORK_BELIEFS.items_in_order()]
    assert grouped == sorted(grouped, key=[s.name for s in HOMEWORK_BELIEFS.scales].index)


def test_competence_rating_is_twelve_domains_rated_zero_to_six():
    assert COMPETENCE_RATING.rated_by_someone_else is True
    assert len(COMPETENCE_RATING.items) == 12
    assert all(item.help_text for item in COMPETENCE_RATING.items)
    assert (COMPETENCE_RATING.likert.minimum, COMPETENCE_RATING.likert.maximum) == (0, 6)
    assert [item.text for item in COMPETENCE_RATING.items] == [
        "Agenda setting",
        "Feedback",
        "Collaboration",
        "Pacing and efficient use of time",
        "Interpersonal effectiveness",
        "Eliciting appropriate emotional expression",
        "Eliciting key cognitions",
        "Eliciting behaviours",
        "Guided discovery",
        "Conceptual integration",
        "Application of change methods",
        "Homework setting",
    ]


def test_competence_rating_total_and_threshold_by_hand():
    names = [item.machine_name for item in COMPETENCE_RATING.items]
    # Twelve threes make 36, exactly the pass mark.
    at_mark = score_questionnaire(COMPETENCE_RATING, dict.fromkeys(names, 3)).total
    assert (at_mark.score, at_mark.threshold_met, at_mark.band.label) == (
        36,
        True,
        "At or above the threshold",
    )
    # One domain rated 2 instead: 35, below.
    below = score_questionnaire(COMPETENCE_RATING, dict.fromkeys(names, 3) | {names[0]: 2})
    assert (below.total.score, below.total.threshold_met) == (35, False)
    assert below.scale(names[0]).band.label == "Needs development"
    # Two domains left out as not applicable: 10 threes = 30, prorated 30 * 12 / 10 = 36.
    two_left_out = dict.fromkeys(names[2:], 3)
    prorated = score_questionnaire(COMPETENCE_RATING, two_left_out)
    assert (prorated.total.score, prorated.total.threshold_met) == (36, True)
    assert prorated.scale(names[0]).scored is False
    # A third domain left out: the total is not scored, so there is no verdict.
    too_few = score_questionnaire(COMPETENCE_RATING, dict.fromkeys(names[3:], 6))
    assert (too_few.total.score, too_few.total.threshold_met) == (None, None)


@pytest.mark.parametrize(
    "data", bundled.bundled_files(), ids=lambda data: data["definition"]["slug"]
)
def test_each_file_is_a_definition_as_a_published_version_stores_it(data):
    assert set(data) <= {"topic", "definition", "after_items"}
    assert data["topic"] in WorksheetTemplate.Topic.values
    assert Questionnaire.from_dict(data["definition"]).to_dict() == data["definition"]


@pytest.mark.django_db
def test_the_bundled_questionnaires_load_into_the_library_frozen_exactly_as_written():
    library_load()
    for questionnaire in BUNDLED_QUESTIONNAIRES:
        template = WorksheetTemplate.objects.get(library_key=questionnaire.slug)
        version = template.versions.get()
        assert version.questionnaire_key == questionnaire.slug
        assert Questionnaire.from_dict(version.questionnaire) == questionnaire
        items = [e for e in version.definition if e["type"] == d.QUESTIONNAIRE_ITEM]
        assert [e["name"] for e in items] == [
            i.machine_name for i in questionnaire.items_in_order()
        ]
        first = items[0]
        assert (first["minimum"], first["maximum"]) == (
            questionnaire.likert.minimum,
            questionnaire.likert.maximum,
        )
        assert first["anchors"][0] == {
            "point": questionnaire.likert.minimum,
            "text": questionnaire.likert.anchors[0].label,
        }
    # Loading again changes nothing.
    assert library_load() == []
    assert TemplateVersion.objects.filter(questionnaire__isnull=False).count() == 3
