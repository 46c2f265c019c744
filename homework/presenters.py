"""Turns the due lists into what "My homework" shows of each expected entry: text and links.

Worked out here once per row rather than in the template: the include, the date filters, the
``{% url %}`` tags and the model lookups each row cost in the template were a fifth of the
page's time (issue 11).
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from django.utils.dates import MONTHS

from homework.models import Occurrence
from homework.selectors import DueList
from supervision.presenting import day_month_year, long_date, pk_url
from worksheets.models import Entry


@dataclass(frozen=True)
class DueRow:
    """One expected entry as "My homework" lists it.

    ``action`` is "draft" (read what was written in an ended supervision), "read" (handed in),
    "start" (start, continue or revise it) or "" (nothing to do). ``position`` is e.g.
    "(2 of 7)" or "(step 2 of 5 of “Thought records”)", empty for a one-off homework.
    The start button's address is worked out here too (one ``reverse()`` for the list rather
    than a ``{% url %}`` per row), and its word (``Occurrence.start_verb``).
    """

    label: str
    detail_url: str
    position: str
    due: str
    supervisor: str
    ended_on: str
    action: str
    entry_url: str
    start_label: str  # hidden from sight: what the start button starts, and when it is due
    start_url: str  # the start button's form action; empty unless the action is "start"
    start_verb: str  # "Start", "Continue" (a draft) or "Revise" (reopened); empty unless "start"


def _row(occurrence: Occurrence, detail_url, entry_url, start_url) -> DueRow:
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
        label=label,
        detail_url=detail_url(occurrence.assignment_id),
        position=position,
        due=long_date(due_on),
        supervisor=supervision.supervisor.name,
        ended_on=day_month_year(ended_on) if ended_on else "",
        action=action,
        entry_url=entry_url(occurrence.entry_id) if action in ("draft", "read") else "",
        start_label=f"{label}, due {due_on.day} {MONTHS[due_on.month]}"
        if action == "start"
        else "",
        start_url=start_url(occurrence.pk) if action == "start" else "",
        start_verb=occurrence.start_verb if action == "start" else "",
    )


def due_rows(due: DueList) -> DueList:
    """The same lists, in the same order, of ``DueRow`` instead of occurrences."""
    detail_url = pk_url("homework:assignment_detail")
    entry_url = pk_url("worksheets:entry_detail")
    start_url = pk_url("homework:occurrence_start")
    return DueList(
        **{
            bucket.name: [
                _row(occurrence, detail_url, entry_url, start_url)
                for occurrence in getattr(due, bucket.name)
            ]
            for bucket in fields(due)
        }
    )
