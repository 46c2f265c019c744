"""What the supervisor's dashboard shows of each supervisee, worked out once per row.

The row template printed two ``{% url %}`` tags, three ``date`` filters, the kind's label and
the setting for every supervisee (issue 11); here one ``reverse()`` per page and the dates as
the ``date:"j M Y"`` filter gives them (supervision.presenting).
"""

from dataclasses import dataclass

from supervision.models import Supervision
from supervision.panels import ShownPanel
from supervision.presenting import pk_url, short_date_year


@dataclass(frozen=True)
class SuperviseeRow:
    url: str  # the relationship's page
    name: str  # the supervisee's
    summary: str  # e.g. "Clinical supervision, individual, since 1 Dec 2026"
    last_meeting: str  # e.g. "1 Dec 2026", or "none yet"
    next_meeting: str  # e.g. "8 Dec 2026", or "none planned"
    open_cases: int
    meeting_url: str | None  # "Record a meeting": individual relationships only
    action_panels: list[ShownPanel]
    panels: list[ShownPanel]


def supervisee_rows(
    rows: list[Supervision],
    actions: dict[int, list[ShownPanel]],
    panels: dict[int, list[ShownPanel]],
) -> list[SuperviseeRow]:
    """One row per relationship of ``supervisions_as_supervisor``, with each row's panels."""
    detail_url = pk_url("supervision:supervision_detail")
    meeting_url = pk_url("supervision:meeting_create")
    individual = Supervision.Format.INDIVIDUAL
    return [
        SuperviseeRow(
            url=detail_url(row.pk),
            name=row.supervisee.name,
            summary=(
                f"{row.get_kind_display()}, {row.setting_phrase}, "
                f"since {short_date_year(row.started_on)}"
            ),
            last_meeting=(
                short_date_year(row.last_meeting_on) if row.last_meeting_on else "none yet"
            ),
            next_meeting=(
                short_date_year(row.next_meeting_on) if row.next_meeting_on else "none planned"
            ),
            open_cases=row.open_cases,
            meeting_url=meeting_url(row.pk) if row.format == individual else None,
            action_panels=actions[row.pk],
            panels=panels[row.pk],
        )
        for row in rows
    ]
