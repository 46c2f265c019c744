"""Every URL of ours has its expectations in exactly one app's authorization matrix.

The URLs come from the resolver (views written in this project, including those our Wagtail
hooks add to the admin); the matrices from every ``tests/<app>/test_authorization.py``. A new
URL without an expectation fails here, whichever app it is in.
"""

import importlib
from pathlib import Path

from tests.authorization import our_url_names

TESTS = Path(__file__).resolve().parent


def matrices() -> dict[str, object]:
    found = {}
    for path in sorted(TESTS.glob("*/test_authorization.py")):
        module = importlib.import_module(f"tests.{path.parent.name}.test_authorization")
        found[path.parent.name] = module.MATRIX
    return found


def test_every_url_of_ours_has_an_expectation_and_every_expectation_a_url():
    declared: dict[str, str] = {}
    for app, matrix in matrices().items():
        for name in matrix.names():
            assert name not in declared, f"{name} is declared by both {declared[name]} and {app}"
            declared[name] = app
    ours = our_url_names()
    assert ours - set(declared) == set(), "URLs without an expectation"
    assert set(declared) - ours == set(), "expectations for URLs that do not exist"
