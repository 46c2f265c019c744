"""How long refusing an oversized CSV of items takes (run with --benchmark-enable for figures)."""

import pytest

from questionnaires.csv_import import parse_items_csv
from tests.worksheets.scoring.factories import hundred_items


@pytest.mark.benchmark(group="questionnaires")
def test_refusing_a_ten_thousand_line_csv(benchmark):
    data = b"item text,scale,reverse key\n" + b"Statement,scale_0,no\n" * 9_999
    report = benchmark(parse_items_csv, data, scales=hundred_items().scales)
    assert report.items == ()
    assert len(report.problems) == 1
