"""What the supervisor's dashboard shows of each supervisee, and the hours log's tables, worked
out once per row.

The row template printed two ``{% url %}`` tags, three ``date`` filters, the kind's label and
the setting for every supervisee (issue 11); here one ``reverse()`` per page and the dates as
the ``date:"j M Y"`` filter gives them (supervision.presenting). The hours tables printed a
``{% url %}`` and four ``floatformat`` filters per row.
"""

from dataclasses import dataclass

from supervision.models import Case, Supervision
from supervision.panels import ShownPanel
from supervision.presenting import hours_text, pk_url, short_date_year
from supervision.selectors.hours import HoursLog, HoursRow


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


@dataclass(frozen=True)
class HoursTableRow:
    label: str  # a period, a relationship, a case's pseudonym, or "Total"
    url: str | None  # the case's or the relationship's page; none for a period or the total
    # Counts as text too: the template localises every number it prints (str() is what that
    # gives for a count, without thousands grouping).
    meetings: str
    individual_hours: str  # hours as floatformat:"-2" prints them: "1.50", or "2" when whole
    group_attended_hours: str
    group_credited_hours: str
    credited_hours: str
    observed_meetings: str


@dataclass(frozen=True)
class HoursTables:
    total: HoursTableRow
    by_period: list[HoursTableRow]
    by_relationship: list[HoursTableRow]
    by_case: list[HoursTableRow]


def hours_tables(log: HoursLog) -> HoursTables:
    """The hours log's totals and its three tables, each row's link and figures as text."""
    case_url = pk_url("supervision:case_detail")
    supervision_url = pk_url("supervision:supervision_detail")

    def row(hours: HoursRow) -> HoursTableRow:
        subject = hours.subject
        if isinstance(subject, Case):
            url = case_url(subject.pk)
        elif subject is not None:
            url = supervision_url(subject.pk)
        else:
            url = None
        return HoursTableRow(
            label=hours.label,
            url=url,
            meetings=str(hours.meetings),
            individual_hours=hours_text(hours.individual_hours),
            group_attended_hours=hours_text(hours.group_attended_hours),
            group_credited_hours=hours_text(hours.group_credited_hours),
            credited_hours=hours_text(hours.credited_hours),
            observed_meetings=str(hours.observed_meetings),
        )

    return HoursTables(
        total=row(log.total),
        by_period=[row(each) for each in log.by_period],
        by_relationship=[row(each) for each in log.by_relationship],
        by_case=[row(each) for each in log.by_case],
    )
