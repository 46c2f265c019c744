"""Checking a definition before it is published: every problem named, pointing at its part."""

import pytest

from tests.worksheets.scoring.factories import make_questionnaire
from worksheets.scoring.definitions import (
    MEAN,
    SUM,
    Anchor,
    Band,
    DefinitionError,
    Item,
    LikertRange,
    Scale,
    Total,
)
from worksheets.scoring.validation import check_definition, validate_definition

WORRY_BANDS = (
    Band("low", "1", "2.49", "Little worry."),
    Band("moderate", "2.5", "3.49", "Some worry."),
    Band("high", "3.5", "5", "Much worry."),
)


def messages(questionnaire) -> list[str]:
    return [problem.message for problem in validate_definition(questionnaire)]


def with_worry_bands(*bands, method=MEAN):
    """The hand-check questionnaire with other bands (and method) on the worry scale."""
    base = make_questionnaire()
    worry = Scale("worry", "Worry", method=method, max_missing=1, bands=bands)
    return make_questionnaire(scales=(worry, base.scale("drive")))


def test_a_sound_definition_has_no_problems(questionnaire):
    assert validate_definition(questionnaire) == []
    assert check_definition(questionnaire) is questionnaire


def test_check_definition_raises_with_every_problem():
    broken = make_questionnaire(likert=LikertRange(3, 3))
    with pytest.raises(DefinitionError) as caught:
        check_definition(broken)
    assert "from a lower to a higher number (it is 3 to 3)" in str(caught.value)
    assert caught.value.problems


def test_a_scale_with_no_items():
    base = make_questionnaire()
    empty = Scale("empty", "Empty scale", bands=(Band("all", 1, 5, "Any."),))
    problems = validate_definition(make_questionnaire(scales=(*base.scales, empty)))
    assert [(p.part, p.key, p.message) for p in problems] == [
        ("scale", "empty", "Scale 'Empty scale' has no items; every scale needs at least one.")
    ]


def test_an_item_pointing_to_an_unknown_scale():
    base = make_questionnaire()
    stray = Item("x1", "Stray item", "wory")
    problems = validate_definition(make_questionnaire(items=(*base.items, stray), total=None))
    assert [(p.part, p.key, p.message) for p in problems] == [
        ("item", "x1", "Item 8 ('x1') belongs to the scale 'wory', which does not exist.")
    ]


def test_duplicate_machine_names():
    base = make_questionnaire()
    twin = Item("w1", "Another first worry item", "worry")
    scale_twin = Scale("drive", "Drive again", method=SUM, bands=base.scale("drive").bands)
    found = messages(
        make_questionnaire(items=(*base.items, twin), scales=(*base.scales, scale_twin), total=None)
    )
    assert "Two scales share the machine name 'drive'." in found
    assert "Item 8 ('w1'): another item already uses the machine name 'w1'." in found


def test_badly_formed_machine_names_and_empty_texts():
    base = make_questionnaire()
    found = messages(
        make_questionnaire(items=(*base.items, Item("Worry 5", "  ", "worry")), total=None)
    )
    assert any("Item 8 ('Worry 5'): a machine name starts with" in text for text in found)
    assert "Item 8 ('Worry 5') has no text." in found


@pytest.mark.parametrize(
    ("likert", "expected"),
    [
        (
            LikertRange(5, 1),
            "The rating range must go from a lower to a higher number (it is 5 to 1).",
        ),
        (
            LikertRange(1, 1),
            "The rating range must go from a lower to a higher number (it is 1 to 1).",
        ),
        (
            LikertRange(1, 5, (Anchor(1, "No"),)),
            "Label at least the lowest point (1) and the highest point (5) so respondents "
            "know what they mean.",
        ),
        (
            LikertRange(1, 5, (Anchor(1, "No"), Anchor(5, "Yes"), Anchor(7, "Beyond"))),
            "The anchor 'Beyond' is at 7, outside the range 1 to 5.",
        ),
        (
            LikertRange(1, 5, (Anchor(1, "No"), Anchor(5, "Yes"), Anchor(5, "Again"))),
            "Two anchors are labelled at the point 5.",
        ),
        (LikertRange(1, 5, (Anchor(1, "No"), Anchor(5, " "))), "The anchor at 5 has no label."),
    ],
)
def test_invalid_likert_range(likert, expected):
    problems = validate_definition(make_questionnaire(likert=likert))
    assert expected in [problem.message for problem in problems]
    assert {problem.part for problem in problems} == {"likert"}


def test_overlapping_bands():
    found = messages(
        with_worry_bands(
            Band("low", "1", "2.5", "Little."),
            Band("moderate", "2.5", "3.49", "Some."),
            Band("high", "3.5", "5", "Much."),
        )
    )
    assert found == [
        "Scale 'Worry': the bands 'low' (1 to 2.5) and 'moderate' (2.5 to 3.49) overlap; "
        "a score of 2.5 would fall in both."
    ]


def test_a_band_nested_inside_another_overlaps_it():
    found = messages(
        with_worry_bands(
            Band("wide", "1", "5", "All."),
            Band("inner", "2", "3", "Some."),
        )
    )
    assert len(found) == 1
    assert "the bands 'wide' (1 to 5) and 'inner' (2 to 3) overlap" in found[0]


def test_a_gap_between_bands():
    found = messages(
        with_worry_bands(
            Band("low", "1", "2.49", "Little."),
            Band("moderate", "2.6", "3.49", "Some."),
            Band("high", "3.5", "5", "Much."),
        )
    )
    assert found == [
        "Scale 'Worry': there is a gap between the bands 'low' (1 to 2.49) and 'moderate' "
        "(2.6 to 3.49); scores from 2.5 to 2.59 fall in no band."
    ]


def test_a_gap_at_either_end_of_the_possible_range():
    found = messages(
        with_worry_bands(Band("low", "1.5", "2.99", "Little."), Band("high", "3", "4", "Much."))
    )
    assert found == [
        "Scale 'Worry': scores from 1 to 1.49 fall in no band; the lowest band should start at 1.",
        "Scale 'Worry': scores from 4.01 to 5 fall in no band; the highest band should end at 5.",
    ]


def test_bands_reaching_beyond_the_possible_range():
    # A sum scale of 4 items on 1-5 runs from 4 to 20, not 1 to 25.
    found = messages(
        with_worry_bands(Band("low", 1, 12, "Little."), Band("high", 13, 25, "Much."), method=SUM)
    )
    assert found == [
        "Scale 'Worry': the band 'low' (1 to 12) starts below the lowest possible score, 4.",
        "Scale 'Worry': a band ends at 25, above the highest possible score, 20.",
    ]


def test_bands_finer_than_the_score_is_rounded_to():
    found = messages(
        with_worry_bands(
            Band("low", 4, "11.5", "Little."), Band("high", 12, 20, "Much."), method=SUM
        )
    )
    assert found == [
        "Scale 'Worry': the band 'low' (4 to 11.5) must use whole numbers, because sum scores "
        "are rounded to them."
    ]
    found = messages(
        with_worry_bands(Band("low", 1, "2.495", "Little."), Band("high", "2.5", 5, "Much."))
    )
    assert "must use numbers with at most two decimals" in found[0]


def test_a_band_that_runs_backwards_and_bands_without_texts():
    found = messages(
        with_worry_bands(
            Band("low", "2.49", "1", "Little."),
            Band("", "2.5", "3.49", "Some."),
            Band("high", "3.5", "5", ""),
            Band("high", "3.5", "5", "Again."),
        )
    )
    assert "Scale 'Worry': the band 'low' starts at 2.49, above its end at 1." in found
    assert "Scale 'Worry': a band has no label." in found
    assert "Scale 'Worry': the band 'high' has no interpretation text." in found
    assert "Scale 'Worry': two bands are called 'high'." in found


def test_a_scale_without_bands():
    assert "Scale 'Worry' has no bands; add at least one." in messages(with_worry_bands())


def test_scoring_method_and_missing_allowance():
    base = make_questionnaire()
    scales = (
        Scale("worry", "Worry", method="median", max_missing=1, bands=WORRY_BANDS),
        Scale("drive", "Drive", method=SUM, max_missing=3, bands=base.scale("drive").bands),
    )
    found = messages(make_questionnaire(scales=scales))
    assert "Scale 'Worry': the scoring method must be 'sum' or 'mean', not 'median'." in found
    assert (
        "Scale 'Drive' allows 3 missing items but has only 3; at least one item must be "
        "answered for a score." in found
    )
    negative = (Scale("worry", "Worry", max_missing=-1, bands=WORRY_BANDS), base.scale("drive"))
    assert "Scale 'Worry': the number of items allowed missing cannot be negative." in messages(
        make_questionnaire(scales=negative)
    )


def test_total_pass_mark_and_bands():
    found = messages(
        make_questionnaire(
            total=Total(
                title="Total",
                method=SUM,
                max_missing=2,
                pass_mark=40,
                bands=(Band("below", 7, 20, "Below."), Band("above", 22, 35, "Above.")),
            )
        )
    )
    assert found == [
        "The total 'Total': there is a gap between the bands 'below' (7 to 20) and 'above' "
        "(22 to 35); scores from 21 to 21 fall in no band.",
        "The total 'Total': the pass mark 40 is outside the possible scores, 7 to 35.",
    ]


def test_a_questionnaire_without_scales_or_items():
    found = messages(make_questionnaire(scales=(), items=()))
    assert "The questionnaire has no scales; add at least one." in found
    assert "The questionnaire has no items; add at least one." in found


def test_presentation_title_and_slug():
    found = messages(make_questionnaire(title=" ", slug="Bad Slug", presentation="random"))
    assert "The questionnaire needs a title." in found
    assert any("short name 'Bad Slug'" in text for text in found)
    assert "Items are shown either scale by scale or mixed, not 'random'." in found
