"""Turns the due lists into what "My homework" shows of each expected entry: text and links.

Worked out here once per row rather than in the template: the include, the date filters, the
``{% url %}`` tags and the model lookups each row cost in the template were a fifth of the
page's time (issue 11).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, fields

from django.urls import reverse

from homework.models import Occurrence
from homework.selectors import DueList
from worksheets.models import Entry

# A pk no real row has, replaced by each row's pk in the URLs built from one reverse().
_PK_MARKER = 918273645


def pk_url(name: str) -> Callable[[int], str]:
    """``reverse(name, args=[pk])`` for many pks at the cost of one ``reverse()``.

    Only for URL names whose one argument is an ``<int:pk>``: the rest of the URL (script prefix
    included) is the same for every pk. Reversed per call, so per request.
    """
    prefix, suffix = reverse(name, args=[_PK_MARKER]).split(str(_PK_MARKER))
    return lambda pk: f"{prefix}{pk}{suffix}"


def long_date(day: datetime.date) -> str:
    """E.g. "Tuesday 1 December", as the template's ``date:"l j F"``."""
    return f"{day:%A} {day.day} {day:%B}"


@dataclass(frozen=True)
class DueRow:
    """One expected entry as "My homework" lists it.

    ``action`` is "draft" (read what was written in an ended supervision), "read" (handed in),
    "start" (start, continue or revise it) or "" (nothing to do). ``position`` is e.g.
    "(2 of 7)" or "(step 2 of 5 of “Thought records”)", empty for a one-off homework.
    """

    occurrence: Occurrence
    label: str
    detail_url: str
    position: str
    due: str
    supervisor: str
    ended_on: str
    action: str
    entry_url: str
    start_label: str  # hidden from sight: what the start button starts, and when it is due


def _row(occurrence: Occurrence, detail_url, entry_url) -> DueRow:
    assignment = occurrence.assignment
    supervision = assignment.supervision
    label = occurrence.label
    if assignment.schedule == assignment.Schedule.STEPS:
        position = (
            f"(step {occurrence.sequence} of {assignment.occurrences} of “{assignment.title}”)"
        )
    elif assignment.occurrences > 1:
        position = f"({occurrence.sequence} of {assignment.occurrences})"
    else:
        position = ""
    entry = occurrence.entry
    if supervision.ended_on:
        action = "draft" if entry else ""
    elif entry and entry.status == Entry.Status.SUBMITTED:
        action = "read"
    else:
        action = "start"
    ended_on = supervision.ended_on
    due_on = occurrence.due_on
    return DueRow(
        occurrence=occurrence,
        label=label,
        detail_url=detail_url(occurrence.assignment_id),
        position=position,
        due=long_date(due_on),
        supervisor=supervision.supervisor.name,
        ended_on=f"{ended_on.day} {ended_on:%B} {ended_on.year}" if ended_on else "",
        action=action,
        entry_url=entry_url(occurrence.entry_id) if action in ("draft", "read") else "",
        start_label=f"{label}, due {due_on.day} {due_on:%B}" if action == "start" else "",
    )


def due_rows(due: DueList) -> DueList:
    """The same lists, in the same order, of ``DueRow`` instead of occurrences."""
    detail_url = pk_url("homework:assignment_detail")
    entry_url = pk_url("worksheets:entry_detail")
    return DueList(
        **{
            bucket.name: [
                _row(occurrence, detail_url, entry_url) for occurrence in getattr(due, bucket.name)
            ]
            for bucket in fields(due)
        }
    )
