"""How long scoring a 100-item questionnaire takes (run with --benchmark-enable for figures)."""

import pytest

from tests.worksheets.scoring.factories import hundred_items
from worksheets.scoring.results import score_questionnaire
from worksheets.scoring.validation import validate_definition


@pytest.mark.benchmark(group="scoring")
def test_scoring_a_hundred_item_questionnaire(benchmark):
    questionnaire = hundred_items()
    assert validate_definition(questionnaire) == []
    # A few answers missing, within each scale's allowance, so proration runs too.
    answers = {f"item_{n}": None if n % 17 == 0 else 1 + n % 6 for n in range(100)}

    result = benchmark(score_questionnaire, questionnaire, answers)

    assert len(result.scales) == 10
    assert all(scale.scored for scale in result.scales)
    assert result.total.answered == 94
