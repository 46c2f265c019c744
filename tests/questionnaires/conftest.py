"""A small questionnaire whose scores are easy to work out by hand."""

import pytest

from questionnaires.scoring import (
    MEAN,
    SUM,
    Anchor,
    Band,
    Item,
    LikertRange,
    Questionnaire,
    Scale,
    Total,
)


def make_questionnaire(**overrides) -> Questionnaire:
    """Likert 1-5; "worry" is a mean of 4 items, "drive" a sum of 3, with a total over all 7.

    worry: w1, w2, w3 (reverse), w4; one item may be missing; bands 1-2.49 / 2.5-3.49 / 3.5-5.
    drive: d1, d2 (reverse), d3; one item may be missing; possible 3-15; bands 3-7 / 8-11 / 12-15.
    total: sum of the 7 items, possible 7-35, two may be missing, pass mark 21.
    """
    fields = {
        "slug": "hand-check",
        "title": "Hand check",
        "likert": LikertRange(1, 5, (Anchor(1, "Not at all"), Anchor(5, "Completely"))),
        "scales": (
            Scale(
                name="worry",
                title="Worry",
                method=MEAN,
                max_missing=1,
                bands=(
                    Band("low", "1", "2.49", "Little worry."),
                    Band("moderate", "2.5", "3.49", "Some worry."),
                    Band("high", "3.5", "5", "Much worry."),
                ),
            ),
            Scale(
                name="drive",
                title="Drive",
                method=SUM,
                max_missing=1,
                bands=(
                    Band("low", 3, 7, "Little drive."),
                    Band("moderate", 8, 11, "Some drive."),
                    Band("high", 12, 15, "Much drive."),
                ),
            ),
        ),
        "items": (
            Item("w1", "First worry item", "worry"),
            Item("d1", "First drive item", "drive"),
            Item("w2", "Second worry item", "worry"),
            Item("d2", "Second drive item", "drive", reverse_keyed=True),
            Item("w3", "Third worry item", "worry", reverse_keyed=True),
            Item("d3", "Third drive item", "drive"),
            Item("w4", "Fourth worry item", "worry"),
        ),
        "total": Total(
            title="Total",
            method=SUM,
            max_missing=2,
            pass_mark=21,
            bands=(
                Band("below", 7, 20, "Below the pass mark."),
                Band("at or above", 21, 35, "At or above the pass mark."),
            ),
        ),
    }
    fields.update(overrides)
    return Questionnaire(**fields)


@pytest.fixture
def questionnaire() -> Questionnaire:
    return make_questionnaire()
