"""Links, dates and hours for list pages, worked out in Python once per row instead of per template tag.

A ``{% url %}`` tag reverses a URL pattern (about 50 Python calls) and a ``date`` filter converts
and formats (about 40); in a list of 25 rows they were a large part of a page's time (issue 11).
``pk_url`` reverses a pattern once per page and fills in each row's pk; the date helpers give
what the template's ``date`` filter gives for the formats the lists use, with Django's own
(translated) day and month names and in the current time zone for a datetime; ``hours_text``
gives what ``floatformat:"-2"`` gives for an amount of hours (about 50 calls per cell).
"""

import datetime
from collections.abc import Callable
from decimal import Decimal
from functools import cache

from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS, MONTHS_3, WEEKDAYS
from django.utils.formats import get_format
from django.utils.translation import get_language

# A pk no real row has, replaced by each row's pk in the URLs built from one reverse().
_PK_MARKER = 918273645


def pk_url(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for many pks at the cost of one ``reverse()``.

    Only for URL names whose one argument is an ``<int:pk>``: the rest of the URL (script prefix
    included) is the same for every pk. Reversed per call, so per request.
    """
    prefix, suffix = reverse(name, args=[_PK_MARKER]).split(str(_PK_MARKER))
    return lambda pk: f"{prefix}{pk}{suffix}"


@cache
def _names(language: str | None) -> tuple[dict, dict, dict]:
    """Weekday, month and short month names in a language, as the date filter prints them.

    Django's are lazy translations: turning one into text looks the translation up each time,
    about a fifth of the cost of a date in a list (issue 11). Fixed per language, so kept.
    """
    return (
        {day: str(name) for day, name in WEEKDAYS.items()},
        {month: str(name) for month, name in MONTHS.items()},
        {month: str(name).title() for month, name in MONTHS_3.items()},
    )


def _day(value: datetime.date | datetime.datetime) -> datetime.date | datetime.datetime:
    # As the date filter: an aware datetime is shown in the current time zone.
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value)
    return value


def long_date(value: datetime.date | datetime.datetime) -> str:
    """E.g. "Tuesday 1 December", as the template's ``date:"l j F"``."""
    day = _day(value)
    weekdays, months, _short = _names(get_language())
    return f"{weekdays[day.weekday()]} {day.day} {months[day.month]}"


def day_month_year(value: datetime.date | datetime.datetime) -> str:
    """E.g. "1 December 2026", as the template's ``date:"j F Y"``."""
    day = _day(value)
    return f"{day.day} {_names(get_language())[1][day.month]} {day.year}"


def short_date(value: datetime.date | datetime.datetime) -> str:
    """E.g. "1 Dec", as the template's ``date:"j M"``."""
    day = _day(value)
    return f"{day.day} {_names(get_language())[2][day.month]}"


def short_date_year(value: datetime.date | datetime.datetime) -> str:
    """E.g. "1 Dec 2026", as the template's ``date:"j M Y"``."""
    day = _day(value)
    return f"{day.day} {_names(get_language())[2][day.month]} {day.year}"


@cache
def _decimal_separator(language: str | None) -> str:
    return get_format("DECIMAL_SEPARATOR", language)


def hours_text(hours: Decimal) -> str:
    """E.g. "1.50", or "2" for whole hours, as the template's ``floatformat:"-2"`` prints an
    amount of hours (a Decimal of two places or fewer, not negative; no thousands grouping, which
    ``floatformat`` adds only when asked)."""
    whole, fraction = f"{hours:.2f}".split(".")
    if fraction == "00":
        return whole
    return f"{whole}{_decimal_separator(get_language())}{fraction}"
