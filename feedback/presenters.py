"""What the lists of entries awaiting feedback show of each entry, worked out once per row.

The dashboard's panel and the "Awaiting your feedback" page list the same entries
(``feedback.selectors.entries_awaiting_feedback``); their link, title, author and date were a
``{% url %}`` tag, model lookups and a ``date`` filter per row in the templates (issue 11).
"""

import datetime
from dataclasses import dataclass

from supervision.presenting import day_month_year, pk_url, short_date
from worksheets.models import Entry


@dataclass(frozen=True)
class AwaitingRow:
    url: str  # the entry's feedback page
    title: str
    author: str
    submitted_at: datetime.datetime
    drafts_waiting: int  # the supervisor's draft comments on it, not yet released

    @property
    def submitted(self) -> str:
        """E.g. "1 December 2026" (the page)."""
        return day_month_year(self.submitted_at)

    @property
    def submitted_short(self) -> str:
        """E.g. "1 Dec" (the dashboard's panel)."""
        return short_date(self.submitted_at)


def awaiting_rows(entries: list[Entry]) -> list[AwaitingRow]:
    """One row per entry (annotated with ``drafts_waiting`` by the selector), in order."""
    url = pk_url("feedback:entry_feedback")
    return [
        AwaitingRow(
            url=url(entry.pk),
            title=entry.display_title,
            author=entry.author.name,
            submitted_at=entry.submitted_at,
            drafts_waiting=entry.drafts_waiting,
        )
        for entry in entries
    ]
