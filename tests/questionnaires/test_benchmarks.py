"""How long scoring a 100-item questionnaire takes (run with --benchmark-enable for figures)."""

import pytest

from questionnaires.csv_import import parse_items_csv
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
    score_questionnaire,
    validate_definition,
)


def hundred_items() -> Questionnaire:
    """Ten scales of ten items on 1-6, every third item reversed, alternating sum and mean."""
    scales = []
    for number in range(10):
        method = MEAN if number % 2 else SUM
        low, high = (1, 6) if method == MEAN else (10, 60)
        middle = "3.49" if method == MEAN else "34"
        upper = "3.5" if method == MEAN else "35"
        scales.append(
            Scale(
                name=f"scale_{number}",
                title=f"Scale {number}",
                method=method,
                max_missing=2,
                bands=(
                    Band("lower", low, middle, "Lower half."),
                    Band("upper", upper, high, "Upper half."),
                ),
            )
        )
    items = [
        Item(f"item_{n}", f"Statement {n}", f"scale_{n % 10}", reverse_keyed=n % 3 == 0)
        for n in range(100)
    ]
    return Questionnaire(
        slug="hundred",
        title="Hundred items",
        likert=LikertRange(1, 6, (Anchor(1, "Never"), Anchor(6, "Always"))),
        scales=tuple(scales),
        items=tuple(items),
        total=Total("Total", method=SUM, max_missing=10, pass_mark=300),
    )


@pytest.mark.benchmark(group="questionnaires")
def test_scoring_a_hundred_item_questionnaire(benchmark):
    questionnaire = hundred_items()
    assert validate_definition(questionnaire) == []
    # A few answers missing, within each scale's allowance, so proration runs too.
    answers = {f"item_{n}": None if n % 17 == 0 else 1 + n % 6 for n in range(100)}

    result = benchmark(score_questionnaire, questionnaire, answers)

    assert len(result.scales) == 10
    assert all(scale.scored for scale in result.scales)
    assert result.total.answered == 94


@pytest.mark.benchmark(group="questionnaires")
def test_refusing_a_ten_thousand_line_csv(benchmark):
    data = b"item text,scale,reverse key\n" + b"Statement,scale_0,no\n" * 9_999
    report = benchmark(parse_items_csv, data, scales=hundred_items().scales)
    assert report.items == ()
    assert len(report.problems) == 1
