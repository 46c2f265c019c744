"""Fixtures for scoring tests: the hand-check questionnaire, published as a questionnaire and as a rating.

``tests/questionnaires`` uses the same fixtures (its conftest imports them).
"""

import pytest

from tests.worksheets.scoring.factories import make_questionnaire, questionnaire_template
from worksheets.scoring.definitions import Questionnaire


@pytest.fixture
def questionnaire() -> Questionnaire:
    return make_questionnaire()


@pytest.fixture
def hand_check_template(db):
    return questionnaire_template()


@pytest.fixture
def hand_check_version(hand_check_template):
    return hand_check_template.versions.get()


@pytest.fixture
def rating_version(db):
    rating = make_questionnaire(slug="hand-rating", title="Hand rating", rated_by_someone_else=True)
    return questionnaire_template(rating).versions.get()
