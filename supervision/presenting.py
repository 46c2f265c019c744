"""Links and dates for list pages, worked out in Python once per row instead of per template tag.

A ``{% url %}`` tag reverses a URL pattern (about 50 Python calls) and a ``date`` filter converts
and formats (about 40); in a list of 25 rows they were a large part of a page's time (issue 11).
``pk_url`` reverses a pattern once per page and fills in each row's pk; the date helpers give
what the template's ``date`` filter gives for the formats the lists use, with Django's own
(translated) day and month names and in the current time zone for a datetime.
"""

import datetime
from collections.abc import Callable

from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS

# A pk no real row has, replaced by each row's pk in the URLs built from one reverse().
_PK_MARKER = 918273645


def pk_url(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for many pks at the cost of one ``reverse()``.

    Only for URL names whose one argument is an ``<int:pk>``: the rest of the URL (script prefix
    included) is the same for every pk. Reversed per call, so per request.
    """
    prefix, suffix = reverse(name, args=[_PK_MARKER]).split(str(_PK_MARKER))
    return lambda pk: f"{prefix}{pk}{suffix}"


def _day(value: datetime.date | datetime.datetime) -> datetime.date | datetime.datetime:
    # As the date filter: an aware datetime is shown in the current time zone.
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def long_date(value: datetime.date | datetime.datetime) -> str:
    """E.g. "Tuesday 1 December", as the template's ``date:"l j F"``."""
    day = _day(value)
    return f"{WEEKDAYS[day.weekday()]} {day.day} {MONTHS[day.month]}"


def day_month_year(value: datetime.date | datetime.datetime) -> str:
    """E.g. "1 December 2026", as the template's ``date:"j F Y"``."""
    day = _day(value)
    return f"{day.day} {MONTHS[day.month]} {day.year}"


def short_date(value: datetime.date | datetime.datetime) -> str:
    """E.g. "1 Dec", as the template's ``date:"j M"``."""
    day = _day(value)
    return f"{day.day} {str(MONTHS_3[day.month]).title()}"


def short_date_year(value: datetime.date | datetime.datetime) -> str:
    """E.g. "1 Dec 2026", as the template's ``date:"j M Y"``."""
    return f"{short_date(value)} {_day(value).year}"
