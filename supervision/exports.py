"""The one CSV writer of every download: opens as written in Excel, LibreOffice and Numbers.

- UTF-8 with a byte order mark, so Excel does not read `Zoë` as `ZoÃ«`;
- rows end in CRLF (RFC 4180), and every cell with a separator, quote or line break is quoted;
- text a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage return)
  is prefixed with an apostrophe (OWASP "CSV injection"); numbers are written as numbers;
- dates as ISO 8601 (2026-03-01), times as 24-hour HH:MM, whole numbers (minutes) as integers,
  and `Decimal` or float values (hours) with two decimals and a point, whatever the locale.
"""

import csv
import datetime
from collections.abc import Iterable
from decimal import ROUND_HALF_UP, Decimal

from django.http import HttpResponse

BOM = "\ufeff"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value) -> str:
    """One value as the text of a cell (see the module docstring for each type)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float | Decimal):
        return str(Decimal(str(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))
    if isinstance(value, datetime.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    text = str(value)
    if text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def csv_response(filename: str, header: Iterable[str], rows: Iterable[Iterable]) -> HttpResponse:
    """A download named `filename` with one header row, then `rows` of values (any type above)."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response.write(BOM)
    writer = csv.writer(response, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow([csv_cell(name) for name in header])
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
    return response
