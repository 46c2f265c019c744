"""The hours log: supervision time per supervisee by period, relationship and case.

Only meetings that have taken place count (``supervision.models.meetings.taken_place_q``: one
with a start time once it has ended, one without a time from its day on). Individual time is counted as it was; group time
is shown both as attended (the whole meeting) and as credited, by the group's own rule.
The log covers only the meetings the viewer may read.
"""

import datetime
from collections import OrderedDict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery

from supervision.models import Attendance, Case, Meeting, Supervision, User
from supervision.models.meetings import taken_place_q
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


def _attendances(supervisee: User, viewer: User, supervisor: User | None):
    visible_meetings = objects_for_user(viewer, "view_meeting", Meeting.objects.all())
    attendances = Attendance.objects.filter(
        taken_place_q("meeting__"),
        supervision__supervisee=supervisee,
        meeting__in=visible_meetings,
    )
    if supervisor is not None:
        attendances = attendances.filter(supervision__supervisor=supervisor)
    return _with_details(attendances, supervisee)


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
        .annotate(present=Subquery(present, output_field=IntegerField()))
        .prefetch_related(
            Prefetch(
                "meeting__cases_discussed",
                queryset=Case.objects.filter(supervision__supervisee=supervisee),
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
    attendances = Attendance.objects.filter(
        taken_place_q("meeting__"),
        supervision=supervision,
        meeting__date__gte=starts_on,
        meeting__date__lte=ends_on,
    )
    return [_entry(attendance) for attendance in _with_details(attendances, supervision.supervisee)]


def _entry(attendance: Attendance) -> HoursEntry:
    meeting, supervision = attendance.meeting, attendance.supervision
    credited = (
        meeting.group.credited_minutes(meeting.duration_minutes, attendance.present or 1)
        if meeting.group_id
        else Decimal(meeting.duration_minutes)
    )
    return HoursEntry(
        meeting_id=meeting.pk,
        date=meeting.date,
        starts_at=meeting.starts_at,
        supervisor=supervision.supervisor.name,
        kind=supervision.get_kind_display(),
        setting=supervision.setting_label,
        mode=meeting.get_mode_display(),
        observation=meeting.observation,
        observation_label=meeting.get_observation_display(),
        duration_minutes=meeting.duration_minutes,
        credited_minutes=credited,
        is_group=meeting.group_id is not None,
        supervision=supervision,
        cases=list(meeting.own_cases),
    )


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
    entries = [_entry(attendance) for attendance in _attendances(supervisee, viewer, supervisor)]

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
