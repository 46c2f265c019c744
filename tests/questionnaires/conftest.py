"""The hand-check questionnaire fixtures, shared with the scoring tests of the worksheet engine."""

from tests.worksheets.scoring.conftest import (  # noqa: F401 (fixtures, found by name)
    hand_check_template,
    hand_check_version,
    questionnaire,
    rating_version,
)
