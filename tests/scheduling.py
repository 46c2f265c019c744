"""The order in which xdist hands test files to its workers: browser files first.

``--dist loadfile`` (the Makefile's) sends a whole file to one worker, and xdist's own order is
by the number of tests in a file, most first. That put a file of one slow test at the end: the
walk of every demo page (tests/browser/test_daily_use.py) is one test of over a minute, and one
worker spent the last stretch of the SQLite run on it while the other had nothing left (replaying
the measured durations of a whole run through xdist's scheduling: 87 s between the two workers'
finishing times; with browser files first, 12 s). A browser test takes seconds, most other tests
a fraction of one, so the browser files go first and the many small files fill in at the end.

Each worker orders its collection so (:func:`order_for_workers`, from ``pytest_collection_
modifyitems`` in tests/conftest.py), and the Makefile passes ``--no-loadscope-reorder`` so that
xdist hands out the files in the order the workers collected them. Only the order changes: every
test still runs, each file on one worker, a file's tests in their own order.
"""

from collections import Counter

BROWSER_FILES = "tests/browser/"


def file_of(nodeid: str) -> str:
    """The file of a pytest node id: ``tests/x/test_y.py::test_z[1]`` -> ``tests/x/test_y.py``."""
    return nodeid.split("::", 1)[0]


def order_for_workers(nodeids: list[str]) -> list[int]:
    """The positions of ``nodeids`` (a collection, in pytest's order) in the order to hand them
    out: whole files, browser files first, then the rest; within each group, files with more
    tests first (xdist's own order), ties by first appearance; a file's tests keep their order.
    """
    tests_in = Counter(file_of(nodeid) for nodeid in nodeids)
    first_seen: dict[str, int] = {}
    for position, nodeid in enumerate(nodeids):
        first_seen.setdefault(file_of(nodeid), position)

    def key(position: int) -> tuple[bool, int, int, int]:
        path = file_of(nodeids[position])
        return (not path.startswith(BROWSER_FILES), -tests_in[path], first_seen[path], position)

    return sorted(range(len(nodeids)), key=key)
