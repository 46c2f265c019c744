"""The one CSV writer: what Excel and LibreOffice need to open a download as it was written."""

import csv
import datetime
import io
from decimal import Decimal

import pytest

from supervision.exports import csv_cell, csv_response


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rReturn", "'\rReturn"),
        ("Plain", "Plain"),
        (60, "60"),
        (-5, "-5"),
        (Decimal("40"), "40.00"),
        (Decimal(2) / 3, "0.67"),
        (1.005, "1.01"),
        (datetime.date(2026, 3, 1), "2026-03-01"),
        (datetime.time(9, 5), "09:05"),
        (True, "yes"),
        (None, ""),
    ],
)
def test_each_value_is_written_in_one_unambiguous_form(value, written):
    assert csv_cell(value) == written


def test_a_download_opens_with_its_accents_line_breaks_and_formulas_intact():
    response = csv_response(
        "people.csv",
        ["Name", "Note", "Hours"],
        [["Zoë", "Line one\nline two, with a comma", Decimal("1.5")], ["=1+1", 'Say "hi"', 2]],
    )
    raw = response.content
    assert raw.startswith("\ufeff".encode())  # Excel reads UTF-8 only after a byte order mark
    assert raw.count(b"\r\n") == 3  # each row ends in CRLF; the line break inside a cell stays
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows == [
        ["Name", "Note", "Hours"],
        ["Zoë", "Line one\nline two, with a comma", "1.50"],
        ["'=1+1", 'Say "hi"', "2"],
    ]
    assert response["Content-Disposition"] == 'attachment; filename="people.csv"'
