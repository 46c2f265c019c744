"""The order xdist hands test files to its workers (tests/scheduling.py): browser files first."""

import re
from pathlib import Path

from tests.scheduling import order_for_workers

ROOT = Path(__file__).resolve().parent.parent

COLLECTION = [
    "tests/a/test_many.py::test_1",
    "tests/a/test_many.py::test_2",
    "tests/a/test_many.py::test_3",
    "tests/b/test_two.py::test_1",
    "tests/browser/test_walk.py::test_every_page",
    "tests/b/test_two.py::test_2",
    "tests/browser/test_flows.py::test_1",
    "tests/browser/test_flows.py::test_2",
    "tests/c/test_one.py::test_1",
]


def test_browser_files_go_first_then_the_files_with_most_tests():
    ordered = [COLLECTION[i] for i in order_for_workers(COLLECTION)]
    assert ordered == [
        "tests/browser/test_flows.py::test_1",
        "tests/browser/test_flows.py::test_2",
        "tests/browser/test_walk.py::test_every_page",  # one test, yet before every other file
        "tests/a/test_many.py::test_1",
        "tests/a/test_many.py::test_2",
        "tests/a/test_many.py::test_3",
        "tests/b/test_two.py::test_1",  # a file's tests come together, in their own order
        "tests/b/test_two.py::test_2",
        "tests/c/test_one.py::test_1",
    ]


def test_every_test_is_handed_out_once():
    assert sorted(order_for_workers(COLLECTION)) == list(range(len(COLLECTION)))
    assert order_for_workers([]) == []


def test_the_makefile_keeps_xdist_from_sorting_the_files_again():
    # Without --no-loadscope-reorder xdist sorts the files by their number of tests alone and
    # the browser files go back among the others.
    parallel = re.search(r"^PYTEST_PARALLEL := (.*)$", (ROOT / "Makefile").read_text(), re.M)
    assert parallel and "--dist loadfile" in parallel[1]
    assert "--no-loadscope-reorder" in parallel[1]
