"""Reads for homework: what is due, how engagement has gone, and what a supervisor set."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db.models import (
    BooleanField,
    Case,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import TruncWeek
from django.utils import timezone

from homework.models import Assignment, Occurrence, Review
from supervision.models import User
from supervision.permissions import objects_for_user
from supervision.presenting import short_date


def assignments_visible_to(user) -> QuerySet[Assignment]:
    return objects_for_user(
        user,
        "view_assignment",
        Assignment.objects.select_related("supervision__supervisor", "supervision__supervisee"),
    )


@dataclass
class EngagementWeek:
    week_of: datetime.date
    done: int = 0
    partly: int = 0
    not_attempted: int = 0

    @property
    def label(self) -> str:
        """The table's row heading, e.g. "3 Nov".

        Worked out here: the template's date filter, eight weeks for each supervisee, cost a
        tenth of the supervisor's dashboard (issue 11).
        """
        return short_date(self.week_of)


@dataclass
class Engagement:
    weeks: list[EngagementWeek]
    reasons: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(week.done + week.partly + week.not_attempted for week in self.weeks)

    @property
    def reasons_text(self) -> str:
        """What got in the way, most often first, e.g. "no time (2); forgot (1)"."""
        return "; ".join(f"{reason.lower()} ({count})" for reason, count in self.reasons)

    def chart_data(self) -> dict:
        return {
            "labels": [week.week_of.strftime("%d %b") for week in self.weeks],
            "done": [week.done for week in self.weeks],
            "partly": [week.partly for week in self.weeks],
            "not_attempted": [week.not_attempted for week in self.weeks],
        }


def engagement_for_supervisions(
    supervision_ids: list[int], *, weeks: int = 8, today: datetime.date | None = None
) -> dict[int, Engagement]:
    """Reviews per week and outcome, and reasons, for each supervision: one query for all rows."""
    today = today or timezone.localdate()
    first_week = today - datetime.timedelta(days=today.weekday() + 7 * (weeks - 1))
    week_starts = [first_week + datetime.timedelta(days=7 * index) for index in range(weeks)]
    result = {
        supervision_id: Engagement(weeks=[EngagementWeek(week) for week in week_starts])
        for supervision_id in supervision_ids
    }
    reviews = Review.objects.filter(
        assignment__supervision_id__in=supervision_ids, reviewed_on__gte=first_week
    )
    # Weeks, outcomes and reasons counted in one grouped query (the dashboard counts queries).
    rows = (
        reviews.annotate(week=TruncWeek("reviewed_on"))
        .values("assignment__supervision_id", "week", "outcome", "reason")
        .annotate(count=Count("pk"))
    )
    reason_counts: dict[int, Counter] = {pk: Counter() for pk in supervision_ids}
    labels = dict(Review.Reason.choices)
    for row in rows:
        supervision_id = row["assignment__supervision_id"]
        if row["reason"]:
            reason_counts[supervision_id][labels[row["reason"]]] += row["count"]
        week_start = row["week"]
        if isinstance(week_start, datetime.datetime):
            week_start = week_start.date()
        index = (week_start - first_week).days // 7
        if 0 <= index < weeks:
            week = result[supervision_id].weeks[index]
            setattr(week, row["outcome"], getattr(week, row["outcome"]) + row["count"])
    for supervision_id, counter in reason_counts.items():
        result[supervision_id].reasons = counter.most_common()
    return result


@dataclass
class DueList:
    overdue: list = field(default_factory=list)
    today: list = field(default_factory=list)
    this_week: list = field(default_factory=list)
    later: list = field(default_factory=list)
    done: list = field(default_factory=list)
    # Not handed in, and its supervision has ended: nothing more can be done with it.
    ended: list = field(default_factory=list)

    @property
    def open_count(self) -> int:
        return len(self.overdue) + len(self.today) + len(self.this_week) + len(self.later)


# What "My homework" shows of each expected entry (and of its homework, supervisor and entry).
DUE_LIST_COLUMNS = (
    "sequence",
    "due_on",
    "title",
    "assignment__title",
    "assignment__schedule",
    "assignment__occurrences",
    "assignment__supervision__ended_on",
    *User.name_columns("assignment__supervision__supervisor"),
    "entry__status",
    "entry__submitted_at",
)


def due_list_for(user, *, today: datetime.date) -> DueList:
    """Every expected entry of the person's own homework, in one query, sorted into buckets."""
    from worksheets.models import Entry

    assignments = assignments_visible_to(user).filter(
        supervision__supervisee=user,
        status__in=[Assignment.Status.ACTIVE, Assignment.Status.DONE],
    )
    occurrences = (
        # Held occurrences (locked pathway steps) are not due yet; pathways shows them as coming.
        Occurrence.objects.filter(assignment__in=assignments.values("pk"), held=False)
        .select_related("assignment__supervision__supervisor", "entry")
        # Only the columns the due lists show: the wide rows (the homework's plan, the entry's
        # answers, the whole user) cost half of the query's building and reading (issue 11).
        .only(*DUE_LIST_COLUMNS)
        .order_by("due_on", "assignment_id", "sequence")
    )
    end_of_week = today + datetime.timedelta(days=6 - today.weekday())
    due = DueList()
    for occurrence in occurrences:
        entry = occurrence.entry
        if entry is not None and entry.status == Entry.Status.SUBMITTED:
            due.done.append(occurrence)
        elif occurrence.assignment.supervision.ended_on is not None:
            due.ended.append(occurrence)
        elif occurrence.due_on < today:
            due.overdue.append(occurrence)
        elif occurrence.due_on == today:
            due.today.append(occurrence)
        elif occurrence.due_on <= end_of_week:
            due.this_week.append(occurrence)
        else:
            due.later.append(occurrence)
    due.done.sort(key=lambda occurrence: occurrence.entry.submitted_at, reverse=True)
    return due


def proposals_awaiting(user) -> QuerySet[Assignment]:
    """Proposals the person made that wait for their supervisor, or that wait for them to accept.

    A proposal in a supervision that has ended is never agreed (nobody may accept it), so it
    waits for nothing and is not listed.
    """
    # "My homework" lists each by its title: narrowed first, without the people's rows that
    # assignments_visible_to joins (each step clones the query).
    return objects_for_user(
        user,
        "view_assignment",
        Assignment.objects.only("title")
        .filter(status=Assignment.Status.PROPOSED)
        .exclude(supervision__ended_on__lte=timezone.localdate()),
    )


# What the meeting record shows of each homework (and of its supervisee and review), and what
# orders it: the rest of the homework's plan and both people's whole rows are not read.
MEETING_HOMEWORK_COLUMNS = (
    "title",
    "schedule",
    "status",
    "meeting",
    "created_at",
    "supervision__started_on",
    "supervision__ended_on",
    *User.name_columns("supervision__supervisee"),
)
MEETING_REVIEW_COLUMNS = (
    "assignment",
    "outcome",
    "learned",
    "obstacles_met",
    "reason",
    "reason_detail",
    "next_step",
)


def homework_for_meeting(meeting, user) -> tuple[list[Assignment], list[Assignment]]:
    """What the meeting reviews first (homework due by its date) and what it agreed.

    Both lists come from one query (the meeting record counts its queries, issue 11): due
    homework was agreed elsewhere, so a row agreed at this meeting belongs to the second list.
    Due homework is ordered by supervisee then age; agreed homework by age. Each homework
    carries ``reviews_here`` (its reviews at this meeting, newest first) and only
    ``MEETING_HOMEWORK_COLUMNS``.
    """
    supervision_ids = [attendance.supervision_id for attendance in meeting.attendances.all()]
    reviewed_here = Review.objects.filter(meeting=meeting)
    # Occurrences and reviews are asked about in subqueries, not joined: the joins gave a row
    # per occurrence and review, and the DISTINCT that folded them again compared every column.
    due = (
        Q(created_at__date__lte=meeting.date)
        & Exists(
            Occurrence.objects.filter(
                assignment=OuterRef("pk"),
                due_on__lte=meeting.date,
                held=False,  # a locked pathway step is not due yet
            )
        )
        & ~Q(status=Assignment.Status.PROPOSED)
        & (
            Q(status__in=[Assignment.Status.ACTIVE, Assignment.Status.DONE])
            | Q(pk__in=reviewed_here.values("assignment_id"))
        )
    )
    homework = (
        # Homework agreed at this meeting is in either way (and sorted into its list below): due
        # need not exclude it.
        Assignment.objects.filter(due | Q(meeting=meeting), supervision_id__in=supervision_ids)
        .select_related("supervision__supervisee")
        .only(*MEETING_HOMEWORK_COLUMNS)
        .prefetch_related(
            Prefetch(
                "reviews",
                queryset=reviewed_here.only(*MEETING_REVIEW_COLUMNS),
                to_attr="reviews_here",
            )
        )
        .order_by("supervision__supervisee__display_name", "created_at", "pk")
    )
    rows = list(objects_for_user(user, "view_assignment", homework))
    agreed = sorted(
        (row for row in rows if row.meeting_id == meeting.pk),
        key=lambda row: (row.created_at, row.pk),
    )
    return [row for row in rows if row.meeting_id != meeting.pk], agreed


class SetByMe:
    """The filters of "Homework I set"; each value is one the form offers, or empty for any."""

    DUE_CHOICES = [
        ("", "Any due date"),
        ("overdue", "Past its due date"),
        ("week", "Due in the next 7 days"),
        ("later", "Due later"),
    ]
    STATUS_CHOICES = [("", "Any status"), ("open", "Open (not yet reviewed)")] + [
        (value, label)
        for value, label in Assignment.Status.choices
        if value != Assignment.Status.PROPOSED
    ]


def homework_set_by(
    user,
    *,
    supervisee_id: int | None = None,
    status: str = "",
    due: str = "",
    today: datetime.date,
) -> QuerySet[Assignment]:
    """The homework a supervisor set across their supervisees, what awaits them first.

    Filtered in the database: the person's ``view_assignment`` permission, their being the
    relationship's supervisor (a supervisor in training never sees their own homework here),
    and the filters. Each row is annotated with ``awaiting_feedback`` (an entry handed in
    without released feedback), ``awaiting_review`` (handed in, or past its last due date, and
    not yet reviewed), ``last_due`` (date of the last occurrence), ``handed_in`` /
    ``expected_count`` (entries handed in of those expected) and ``ended`` (its supervision has
    ended: nothing awaits a review any more). Rows awaiting something come
    first, then by last due date. One query however many rows.
    """
    from feedback.models import Feedback
    from worksheets.models import Entry

    occurrences = Occurrence.objects.filter(assignment=OuterRef("pk"))
    submitted = occurrences.filter(entry__status=Entry.Status.SUBMITTED)
    released = Feedback.objects.filter(entry=OuterRef("entry"), status=Feedback.Status.RELEASED)
    rows = (
        assignments_visible_to(user)
        .filter(supervision__supervisor=user)
        .exclude(status=Assignment.Status.PROPOSED)
        .select_related("supervision__supervisee", "worksheet_version")
        .annotate(
            last_due=Subquery(
                occurrences.order_by("-due_on").values("due_on")[:1],
                output_field=DateField(),
            ),
            awaiting_feedback=Exists(submitted.exclude(Exists(released))),
            expected_count=Count("expected", distinct=True),
            handed_in=Count(
                "expected",
                filter=Q(expected__entry__status=Entry.Status.SUBMITTED),
                distinct=True,
            ),
        )
        .annotate(
            # No review is recorded in an ended supervision (its permission is taken back).
            ended=Q(supervision__ended_on__lte=today),
            awaiting_review=Case(
                When(supervision__ended_on__lte=today, then=Value(False)),
                When(status=Assignment.Status.DONE, then=Value(True)),
                When(status=Assignment.Status.ACTIVE, last_due__lt=today, then=Value(True)),
                default=Value(False),
                output_field=BooleanField(),
            ),
        )
    )
    if supervisee_id:
        rows = rows.filter(supervision__supervisee_id=supervisee_id)
    if status == "open":
        rows = rows.filter(status__in=[Assignment.Status.ACTIVE, Assignment.Status.DONE])
    elif status:
        rows = rows.filter(status=status)
    if due == "overdue":
        rows = rows.filter(last_due__lt=today)
    elif due == "week":
        rows = rows.filter(last_due__gte=today, last_due__lte=today + datetime.timedelta(days=7))
    elif due == "later":
        rows = rows.filter(last_due__gt=today + datetime.timedelta(days=7))
    return rows.order_by(
        F("awaiting_feedback").desc(),
        F("awaiting_review").desc(),
        F("last_due").asc(nulls_last=True),
        "pk",
    )


def supervisees_of(user) -> QuerySet:
    """The people the person supervises or supervised, by name, for the inbox's filter."""
    return (
        get_user_model()
        .objects.filter(supervisions_received__supervisor=user)
        .distinct()
        .order_by("display_name", "pk")
    )
