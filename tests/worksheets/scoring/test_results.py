"""Scoring against hand-computed examples: reverse keys, missing items, methods, bands, totals."""

import json
from decimal import Decimal
from fractions import Fraction

import pytest

from tests.worksheets.scoring.factories import make_questionnaire
from worksheets.scoring.definitions import (
    BY_SCALE,
    MEAN,
    SUM,
    Anchor,
    Band,
    DefinitionError,
    Item,
    LikertRange,
    Questionnaire,
    Scale,
)
from worksheets.scoring.results import (
    AnswerError,
    QuestionnaireResult,
    round_score,
    score_questionnaire,
)

COMPLETE = {"w1": 4, "w2": 3, "w3": 2, "w4": 5, "d1": 2, "d2": 5, "d3": 3}


def test_complete_answers(questionnaire):
    result = score_questionnaire(questionnaire, COMPLETE)

    worry = result.scale("worry")
    # w3 is reversed: 1 + 5 - 2 = 4, so (4 + 3 + 4 + 5) / 4 = 4.00.
    assert worry.score == Decimal("4.00")
    assert (worry.answered, worry.missing, worry.scored, worry.reason) == (4, 0, True, "")
    assert worry.band.label == "high"
    assert worry.band.interpretation == "Much worry."

    drive = result.scale("drive")
    # d2 is reversed: 1 + 5 - 5 = 1, so 2 + 1 + 3 = 6.
    assert drive.score == Decimal(6)
    assert drive.band.label == "low"
    assert (drive.lowest_possible, drive.highest_possible) == (3, 15)

    # 4 + 3 + 4 + 5 + 2 + 1 + 3 = 22, at least the pass mark of 21.
    assert result.total.score == 22
    assert result.total.threshold_met is True
    assert result.total.band.label == "at or above"


@pytest.mark.parametrize(
    ("minimum", "maximum", "value", "reversed_value"),
    [(1, 5, 2, 4), (1, 6, 1, 6), (1, 6, 6, 1), (0, 4, 1, 3), (0, 6, 3, 3), (-3, 3, -2, 2)],
)
def test_reverse_keying_is_minimum_plus_maximum_minus_value(
    minimum, maximum, value, reversed_value
):
    assert LikertRange(minimum, maximum).reverse(value) == reversed_value


def test_reverse_keyed_item_counts_the_other_way(questionnaire):
    high_on_w3 = score_questionnaire(questionnaire, COMPLETE | {"w3": 5})
    low_on_w3 = score_questionnaire(questionnaire, COMPLETE | {"w3": 1})
    # w3 = 5 counts 1: (4 + 3 + 1 + 5) / 4 = 3.25; w3 = 1 counts 5: 17 / 4 = 4.25.
    assert high_on_w3.scale("worry").score == Decimal("3.25")
    assert low_on_w3.scale("worry").score == Decimal("4.25")


def test_missing_items_within_the_allowance_are_left_out_or_prorated(questionnaire):
    result = score_questionnaire(questionnaire, COMPLETE | {"w4": None, "d3": None})

    worry = result.scale("worry")
    # Mean of the answered: (4 + 3 + 4) / 3 = 3.666… rounds to 3.67.
    assert worry.score == Decimal("3.67")
    assert (worry.answered, worry.missing, worry.scored) == (3, 1, True)

    drive = result.scale("drive")
    # Prorated sum: (2 + 1) * 3 / 2 = 4.5, a half, rounded away from zero to 5.
    assert drive.score == 5
    assert drive.band.label == "low"

    # Total: 4 + 3 + 4 + 2 + 1 = 14 over 5 of 7 items, 14 * 7 / 5 = 19.6 rounds to 20.
    assert result.total.score == 20
    assert result.total.missing == 2
    assert result.total.threshold_met is False
    assert result.total.band.label == "below"


def test_an_absent_key_counts_as_missing(questionnaire):
    answers = {key: value for key, value in COMPLETE.items() if key != "w4"}
    assert score_questionnaire(questionnaire, answers).scale("worry").score == Decimal("3.67")


def test_more_missing_items_than_allowed_means_no_score(questionnaire):
    result = score_questionnaire(questionnaire, COMPLETE | {"w1": None, "w2": None, "d1": None})

    worry = result.scale("worry")
    assert worry.scored is False
    assert worry.score is None
    assert worry.band is None
    assert (worry.answered, worry.missing) == (2, 2)
    assert worry.reason == (
        "Not scored: 2 of its 4 items were left unanswered, and at most 1 may be missing."
    )
    # One missing drive item is still allowed.
    assert result.scale("drive").scored is True
    # Three missing items are one more than the total allows; no threshold verdict without it.
    assert result.total.scored is False
    assert result.total.threshold_met is None
    assert "3 of its 7 items were left unanswered" in result.total.reason


def test_no_missing_item_allowed_reads_clearly():
    questionnaire = make_questionnaire(
        scales=(
            Scale("worry", "Worry", method=MEAN, bands=(Band("all", 1, 5, "Any."),)),
            Scale("drive", "Drive", method=SUM, bands=(Band("all", 3, 15, "Any."),)),
        )
    )
    result = score_questionnaire(questionnaire, COMPLETE | {"w1": None})
    assert result.scale("worry").reason == (
        "Not scored: 1 of its 4 items was left unanswered, and no item may be missing."
    )


def test_a_scale_with_nothing_answered_is_not_scored(questionnaire):
    result = score_questionnaire(questionnaire, {})
    for scale in result.scales:
        assert scale.score is None
        assert scale.reason == "Not scored: none of its items were answered."
    assert result.total.score is None


def test_sum_and_mean_of_the_same_answers():
    likert = LikertRange(0, 4, (Anchor(0, "No"), Anchor(4, "Yes")))
    items = tuple(Item(f"i{n}", f"Item {n}", "only") for n in range(1, 4))
    answers = {"i1": 1, "i2": 2, "i3": 4}

    def scored(method, bands):
        definition = Questionnaire(
            slug="m",
            title="M",
            likert=likert,
            scales=(Scale("only", "Only", method=method, bands=bands),),
            items=items,
        )
        return score_questionnaire(definition, answers).scale("only")

    as_sum = scored(SUM, (Band("all", 0, 12, "Any."),))
    as_mean = scored(MEAN, (Band("all", 0, 4, "Any."),))
    # 1 + 2 + 4 = 7; 7 / 3 = 2.333… rounds to 2.33.
    assert as_sum.score == 7
    assert as_mean.score == Decimal("2.33")
    assert (as_sum.lowest_possible, as_sum.highest_possible) == (0, 12)
    assert (as_mean.lowest_possible, as_mean.highest_possible) == (0, 4)


@pytest.mark.parametrize(
    ("answers", "score", "band"),
    [
        # Worry (mean): 9/4 = 2.25 low; 10/4 = 2.50 moderate; 13/4 = 3.25 moderate; 14/4 = 3.50 high.
        ({"w1": 2, "w2": 2, "w3": 4, "w4": 3}, Decimal("2.25"), "low"),
        ({"w1": 3, "w2": 2, "w3": 4, "w4": 3}, Decimal("2.50"), "moderate"),
        ({"w1": 4, "w2": 3, "w3": 3, "w4": 3}, Decimal("3.25"), "moderate"),
        ({"w1": 4, "w2": 4, "w3": 3, "w4": 3}, Decimal("3.50"), "high"),
    ],
)
def test_mean_band_boundaries_on_both_sides(questionnaire, answers, score, band):
    result = score_questionnaire(questionnaire, answers).scale("worry")
    assert (result.score, result.band.label) == (score, band)


@pytest.mark.parametrize(
    ("answers", "score", "band"),
    [
        # Drive (sum, d2 reversed): 7 low | 8 moderate, 11 moderate | 12 high, 15 the top.
        ({"d1": 3, "d2": 3, "d3": 1}, 7, "low"),
        ({"d1": 3, "d2": 3, "d3": 2}, 8, "moderate"),
        ({"d1": 5, "d2": 3, "d3": 3}, 11, "moderate"),
        ({"d1": 5, "d2": 3, "d3": 4}, 12, "high"),
        ({"d1": 5, "d2": 1, "d3": 5}, 15, "high"),
        ({"d1": 1, "d2": 5, "d3": 1}, 3, "low"),
    ],
)
def test_sum_band_boundaries_on_both_sides(questionnaire, answers, score, band):
    result = score_questionnaire(questionnaire, answers).scale("drive")
    assert (result.score, result.band.label) == (score, band)


def test_rounding_decides_the_band_at_a_boundary():
    """200 items make the mean land exactly on 2.485 and 2.495, either side of 2.49 | 2.50."""
    items = tuple(Item(f"i{n}", f"Item {n}", "long") for n in range(200))
    definition = Questionnaire(
        slug="long",
        title="Long",
        likert=LikertRange(1, 5, (Anchor(1, "No"), Anchor(5, "Yes"))),
        scales=(
            Scale(
                "long",
                "Long",
                method=MEAN,
                bands=(Band("low", 1, "2.49", "Low."), Band("moderate", "2.5", 5, "Moderate.")),
            ),
        ),
        items=items,
    )

    def answers(threes: int) -> dict[str, int]:
        return {item.machine_name: 3 if n < threes else 2 for n, item in enumerate(items)}

    # 97 threes and 103 twos: 497 / 200 = 2.485, which rounds to 2.49.
    below = score_questionnaire(definition, answers(97)).scale("long")
    # 99 threes and 101 twos: 499 / 200 = 2.495, which rounds to 2.50.
    above = score_questionnaire(definition, answers(99)).scale("long")
    assert (below.score, below.band.label) == (Decimal("2.49"), "low")
    assert (above.score, above.band.label) == (Decimal("2.50"), "moderate")


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (Fraction(107, 40), 2, "2.68"),  # 2.675: half rounds up, no float error
        (Fraction(10, 3), 2, "3.33"),
        (Fraction(20, 3), 2, "6.67"),
        (Fraction(27, 2), 0, "14"),
        (Fraction(49, 5), 0, "10"),
        (Fraction(-5, 2), 0, "-3"),  # halves go away from zero
        (Fraction(-9, 4), 2, "-2.25"),
        (Fraction(3), 2, "3.00"),
    ],
)
def test_round_score(value, places, expected):
    assert str(round_score(value, places)) == expected


def test_negative_likert_range_sums():
    definition = Questionnaire(
        slug="signed",
        title="Signed",
        likert=LikertRange(-2, 2, (Anchor(-2, "Disagree"), Anchor(2, "Agree"))),
        scales=(Scale("s", "S", method=SUM, bands=(Band("all", -4, 4, "Any."),)),),
        items=(Item("a", "A", "s"), Item("b", "B", "s", reverse_keyed=True)),
    )
    # a = -2; b = 1 reversed is -2 + 2 - 1 = -1; sum -3.
    assert score_questionnaire(definition, {"a": -2, "b": 1}).scale("s").score == -3


def test_threshold_at_exactly_the_pass_mark(questionnaire):
    # 3 + 3 + (1+5-3) + 3 + 3 + (1+5-3) + 3 = 21.
    answers = {"w1": 3, "w2": 3, "w3": 3, "w4": 3, "d1": 3, "d2": 3, "d3": 3}
    assert score_questionnaire(questionnaire, answers).total.score == 21
    assert score_questionnaire(questionnaire, answers).total.threshold_met is True
    one_lower = score_questionnaire(questionnaire, answers | {"w1": 2}).total
    assert (one_lower.score, one_lower.threshold_met) == (20, False)


def test_no_total_and_no_pass_mark(questionnaire):
    without_total = make_questionnaire(total=None)
    assert score_questionnaire(without_total, COMPLETE).total is None
    worry = score_questionnaire(questionnaire, COMPLETE).scale("worry")
    assert worry.pass_mark is None
    assert worry.threshold_met is None


def test_bad_answers_are_refused_per_item(questionnaire):
    with pytest.raises(AnswerError) as caught:
        score_questionnaire(
            questionnaire,
            COMPLETE | {"w1": 6, "w2": 0, "d1": True, "d2": "3", "d3": 2.5},
        )
    assert set(caught.value.problems) == {"w1", "w2", "d1", "d2", "d3"}
    assert caught.value.problems["w1"] == "the answer 6 is outside the range 1 to 5"
    assert "not a whole number" in caught.value.problems["d2"]


def test_answers_to_other_worksheet_fields_are_ignored(questionnaire):
    answers = COMPLETE | {"reflection": "Long free text", "seen_on": "2026-01-01"}
    assert score_questionnaire(questionnaire, answers) == score_questionnaire(
        questionnaire, COMPLETE
    )


def test_result_survives_a_json_round_trip(questionnaire):
    result = score_questionnaire(questionnaire, COMPLETE | {"w4": None, "w1": None, "w2": None})
    stored = json.loads(json.dumps(result.to_dict()))

    assert stored["scales"][0]["score"] is None
    assert stored["scales"][0]["scored"] is False
    assert stored["scales"][1]["score"] == 6
    assert stored["scales"][1]["band"]["interpretation"] == "Little drive."
    assert stored["total"]["pass_mark"] == 21
    assert QuestionnaireResult.from_dict(stored) == result


def test_stored_mean_reads_back_exactly(questionnaire):
    result = score_questionnaire(questionnaire, COMPLETE | {"w4": None})
    stored = json.loads(json.dumps(result.to_dict()))
    assert stored["scales"][0]["score"] == 3.67
    assert QuestionnaireResult.from_dict(stored).scale("worry").score == Decimal("3.67")


def test_a_stored_result_keeps_its_texts_after_the_definition_changes(questionnaire):
    stored = score_questionnaire(questionnaire, COMPLETE).to_dict()
    edited = make_questionnaire(
        scales=(
            Scale(
                "worry",
                "Worry (renamed)",
                method=MEAN,
                max_missing=1,
                bands=(Band("all", 1, 5, "Rewritten."),),
            ),
            questionnaire.scale("drive"),
        )
    )
    score_questionnaire(edited, COMPLETE)
    worry = QuestionnaireResult.from_dict(stored).scale("worry")
    assert (worry.title, worry.band.interpretation) == ("Worry", "Much worry.")


def test_unknown_result_format_is_refused(questionnaire):
    stored = score_questionnaire(questionnaire, COMPLETE).to_dict() | {"format": 99}
    with pytest.raises(ValueError, match="format"):
        QuestionnaireResult.from_dict(stored)


def test_definition_survives_a_json_round_trip(questionnaire):
    stored = json.loads(json.dumps(questionnaire.to_dict()))
    assert Questionnaire.from_dict(stored) == questionnaire


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data.pop("likert"),
        lambda data: data["scales"][0].pop("name"),
        lambda data: data["likert"].update(minimum="one"),
        lambda data: data["scales"][0]["bands"][0].update(minimum="NaN"),
        lambda data: data.update(format=2),
    ],
)
def test_malformed_stored_definition_is_refused(questionnaire, damage):
    data = questionnaire.to_dict()
    damage(data)
    with pytest.raises(DefinitionError):
        Questionnaire.from_dict(data)


def test_items_in_presentation_order(questionnaire):
    assert [item.machine_name for item in questionnaire.items_in_order()] == [
        "w1",
        "d1",
        "w2",
        "d2",
        "w3",
        "d3",
        "w4",
    ]
    by_scale = make_questionnaire(presentation=BY_SCALE)
    assert [item.machine_name for item in by_scale.items_in_order()] == [
        "w1",
        "w2",
        "w3",
        "w4",
        "d1",
        "d2",
        "d3",
    ]
