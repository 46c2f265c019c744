"""The hours log: supervision time per supervisee by period, relationship and case.

Only meetings that have taken place count (the rule of ``supervision.models.meetings.taken_place_q``
and ``Meeting.has_taken_place``: one with a start time once it has ended, one without a time from
its day on). Individual time is counted as it was; group time is shown both as attended (the whole
meeting) and as credited, by the group's own rule. The log covers only the meetings the viewer
may read.
"""

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.utils import timezone

from supervision.models import Attendance, Case, Meeting, Supervision, User
from supervision.permissions import objects_for_user

PERIODS = {"month": "Month", "quarter": "Quarter", "year": "Year"}
SIXTY = Decimal(60)


def _hours(minutes: Decimal) -> Decimal:
    return (minutes / SIXTY).quantize(Decimal("0.01"))


@dataclass
class HoursRow:
    label: str
    key: object = None
    meetings: int = 0
    individual_minutes: Decimal = Decimal(0)
    group_attended_minutes: Decimal = Decimal(0)
    group_credited_minutes: Decimal = Decimal(0)
    observed_meetings: int = 0
    subject: object = None

    def add(self, entry: "HoursEntry") -> None:
        self.meetings += 1
        if entry.is_group:
            self.group_attended_minutes += entry.duration_minutes
            self.group_credited_minutes += entry.credited_minutes
        else:
            self.individual_minutes += entry.duration_minutes
        if entry.observation != Meeting.Observation.NONE:
            self.observed_meetings += 1

    @property
    def individual_hours(self) -> Decimal:
        return _hours(self.individual_minutes)

    @property
    def group_attended_hours(self) -> Decimal:
        return _hours(self.group_attended_minutes)

    @property
    def group_credited_hours(self) -> Decimal:
        return _hours(self.group_credited_minutes)

    @property
    def credited_hours(self) -> Decimal:
        return _hours(self.individual_minutes + self.group_credited_minutes)


@dataclass
class HoursEntry:
    """One meeting the supervisee attended."""

    meeting_id: int
    date: datetime.date
    starts_at: datetime.time | None
    supervisor: str
    kind: str
    setting: str
    mode: str
    observation: str
    observation_label: str
    duration_minutes: int
    credited_minutes: Decimal
    is_group: bool
    supervision: Supervision
    cases: list[Case] = field(default_factory=list)


@dataclass
class HoursLog:
    supervisee: User
    period: str
    entries: list[HoursEntry]
    by_period: list[HoursRow]
    by_relationship: list[HoursRow]
    by_case: list[HoursRow]
    total: HoursRow

    @property
    def chart_data(self) -> dict:
        return {
            "labels": [row.label for row in self.by_period],
            "individual": [float(row.individual_hours) for row in self.by_period],
            "groupCredited": [float(row.group_credited_hours) for row in self.by_period],
            "groupAttended": [float(row.group_attended_hours) for row in self.by_period],
        }


def _attendances(supervisee: User, viewer: User, supervisor: User | None, today: datetime.date):
    """The attendances dated up to today (``_entries`` leaves out today's still to come)."""
    filters = {
        "supervision__supervisee": supervisee,
        "meeting__in": objects_for_user(viewer, "view_meeting", Meeting.objects.all()),
        "meeting__date__lte": today,
    }
    if supervisor is not None:
        filters["supervision__supervisor"] = supervisor
    return _with_details(Attendance.objects.filter(**filters), supervisee)


# What an entry reads (``_entries``, and the relationship's label in ``hours_log``): the meeting's
# date, time, length, format and observation, its group's credit rule, and the relationship's
# kind, setting, dates and supervisor's name. The meeting and relationship rows are wide (the
# meeting's record, every user column): reading only these took a sixth off the log's Python.
ENTRY_COLUMNS = (
    "meeting__date",
    "meeting__starts_at",
    "meeting__duration_minutes",
    "meeting__mode",
    "meeting__observation",
    "meeting__group__credit_rule",
    "meeting__group__credit_percent",
    "supervision__kind",
    "supervision__format",
    "supervision__started_on",
    "supervision__ended_on",
    "supervision__group__name",
    *User.name_columns("supervision__supervisor"),
)


def _with_details(attendances, supervisee: User):
    present = (
        Attendance.objects.filter(meeting=OuterRef("meeting"))
        .order_by()
        .values("meeting")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        attendances.select_related(
            "meeting__group", "supervision__supervisor", "supervision__group"
        )
        .only(*ENTRY_COLUMNS)
        .annotate(present=Subquery(present, output_field=IntegerField()))
        .prefetch_related(
            Prefetch(
                "meeting__cases_discussed",
                # A case is listed by its pseudonym (and linked by its pk).
                queryset=Case.objects.filter(supervision__supervisee=supervisee).only("pseudonym"),
                to_attr="own_cases",
            )
        )
        .order_by("meeting__date", "meeting__starts_at", "meeting__pk")
    )


def period_entries(
    *, supervision: Supervision, starts_on: datetime.date, ends_on: datetime.date
) -> list[HoursEntry]:
    """The meetings of one relationship dated in a period (both days included), oldest first.

    For sign-off and the log book: every meeting the supervisee attended through this
    relationship, whoever looks, since both people sign the same record. Meetings that have not
    taken place yet are left out, as in the log.
    """
    now = timezone.localtime()
    attendances = Attendance.objects.filter(
        supervision=supervision,
        meeting__date__gte=starts_on,
        meeting__date__lte=min(ends_on, now.date()),
    )
    return _entries(_with_details(attendances, supervision.supervisee), now)


# The labels ``get_mode_display()`` and ``get_observation_display()`` give (plain strings, not
# translations), looked up directly: the display methods rebuild the choices per call, three
# times per meeting.
_MODES = dict(Meeting.Mode.choices)
_OBSERVATIONS = dict(Meeting.Observation.choices)


def _entries(attendances, now: datetime.datetime) -> list[HoursEntry]:
    """One entry per attendance of a ``_with_details`` queryset, in its order, for the meetings
    that have taken place by ``now`` (a local time).

    The queryset stops at today; of today's meetings, those still to come or under way are left
    out here, by ``Meeting.has_taken_place`` (the rule of ``taken_place_q``). Filtering them in
    the database (a three-way condition with time arithmetic, built and compiled per request) cost
    an eighth of the log's Python for the few rows of one day.
    """
    today = now.date()
    # A log has a few relationships and many meetings: each relationship's strings once.
    relationships: dict[int, tuple[str, str, str]] = {}
    entries = []
    for attendance in attendances:
        meeting, supervision = attendance.meeting, attendance.supervision
        if meeting.date == today and not meeting.has_taken_place(now):
            continue
        if supervision.pk not in relationships:
            relationships[supervision.pk] = (
                supervision.supervisor.name,
                supervision.get_kind_display(),
                supervision.setting_label,
            )
        supervisor, kind, setting = relationships[supervision.pk]
        credited = (
            meeting.group.credited_minutes(meeting.duration_minutes, attendance.present or 1)
            if meeting.group_id
            else Decimal(meeting.duration_minutes)
        )
        entries.append(
            HoursEntry(
                meeting_id=meeting.pk,
                date=meeting.date,
                starts_at=meeting.starts_at,
                supervisor=supervisor,
                kind=kind,
                setting=setting,
                mode=_MODES.get(meeting.mode, meeting.mode),
                observation=meeting.observation,
                observation_label=_OBSERVATIONS.get(meeting.observation, meeting.observation),
                duration_minutes=meeting.duration_minutes,
                credited_minutes=credited,
                is_group=meeting.group_id is not None,
                supervision=supervision,
                cases=meeting.own_cases,
            )
        )
    return entries


def _period_key(date: datetime.date, period: str) -> tuple[int, int]:
    if period == "year":
        return (date.year, 1)
    if period == "quarter":
        return (date.year, (date.month - 1) // 3 + 1)
    return (date.year, date.month)


def _period_label(key: tuple[int, int], period: str) -> str:
    year, part = key
    if period == "year":
        return str(year)
    if period == "quarter":
        return f"{year} Q{part}"
    return datetime.date(year, part, 1).strftime("%b %Y")


def _next_key(key: tuple[int, int], period: str) -> tuple[int, int]:
    year, part = key
    last = {"year": 1, "quarter": 4, "month": 12}[period]
    return (year + 1, 1) if part == last else (year, part + 1)


def hours_log(
    *, supervisee: User, viewer: User, supervisor: User | None = None, period: str = "month"
) -> HoursLog:
    period = period if period in PERIODS else "month"
    now = timezone.localtime()
    entries = _entries(_attendances(supervisee, viewer, supervisor, now.date()), now)

    by_period: OrderedDict[tuple[int, int], HoursRow] = OrderedDict()
    if entries:
        # Empty periods between the first and last meeting are shown, so the chart keeps its scale.
        key, last = _period_key(entries[0].date, period), _period_key(entries[-1].date, period)
        while key <= last:
            by_period[key] = HoursRow(label=_period_label(key, period), key=key)
            key = _next_key(key, period)

    by_relationship: dict[int, HoursRow] = {}
    by_case: dict[int, HoursRow] = {}
    total = HoursRow(label="Total")
    for entry in entries:
        by_period[_period_key(entry.date, period)].add(entry)
        supervision = entry.supervision
        if supervision.pk not in by_relationship:
            # An ended relationship says so: its hours still count, nothing new is added to it.
            ended = (
                f" (ended {supervision.ended_on:%-d %b %Y})"
                if supervision.ended_on is not None and not supervision.is_active
                else ""
            )
            by_relationship[supervision.pk] = HoursRow(
                label=f"{entry.supervisor}: {entry.kind.lower()}, {supervision.setting_phrase}{ended}",
                key=supervision.pk,
                subject=supervision,
            )
        by_relationship[supervision.pk].add(entry)
        for case in entry.cases:
            if case.pk not in by_case:
                by_case[case.pk] = HoursRow(label=case.pseudonym, key=case.pk, subject=case)
            by_case[case.pk].add(entry)
        total.add(entry)

    return HoursLog(
        supervisee=supervisee,
        period=period,
        entries=entries,
        by_period=list(by_period.values()),
        by_relationship=sorted(by_relationship.values(), key=lambda r: r.label.lower()),
        by_case=sorted(by_case.values(), key=lambda r: r.label.lower()),
        total=total,
    )
