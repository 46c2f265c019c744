"""Reads for homework: what is due, and how engagement has gone over the last weeks."""

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.db.models.functions import TruncWeek
from django.utils import timezone

from homework.models import Assignment, Occurrence, Review
from supervision.permissions import objects_for_user


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


@dataclass
class Engagement:
    weeks: list[EngagementWeek]
    reasons: list[tuple[str, int]] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(week.done + week.partly + week.not_attempted for week in self.weeks)

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
    """Reviews per week and outcome for each supervision, in two queries however many rows."""
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
    rows = (
        reviews.annotate(week=TruncWeek("reviewed_on"))
        .values("assignment__supervision_id", "week", "outcome")
        .annotate(count=Count("pk"))
    )
    for row in rows:
        week_start = row["week"]
        if isinstance(week_start, datetime.datetime):
            week_start = week_start.date()
        index = (week_start - first_week).days // 7
        if 0 <= index < weeks:
            week = result[row["assignment__supervision_id"]].weeks[index]
            setattr(week, row["outcome"], getattr(week, row["outcome"]) + row["count"])
    reason_counts: dict[int, Counter] = {pk: Counter() for pk in supervision_ids}
    labels = dict(Review.Reason.choices)
    for row in (
        reviews.exclude(reason="")
        .values("assignment__supervision_id", "reason")
        .annotate(count=Count("pk"))
    ):
        reason_counts[row["assignment__supervision_id"]][labels[row["reason"]]] += row["count"]
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


def due_list_for(user, *, today: datetime.date) -> DueList:
    """Every expected entry of the person's own homework, in one query, sorted into buckets."""
    from worksheets.models import Entry

    assignments = assignments_visible_to(user).filter(
        supervision__supervisee=user,
        status__in=[Assignment.Status.ACTIVE, Assignment.Status.DONE],
    )
    occurrences = (
        Occurrence.objects.filter(assignment__in=assignments.values("pk"))
        .select_related("assignment__supervision__supervisor", "entry")
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
    """Proposals the person made that wait for their supervisor, or that wait for them to accept."""
    return assignments_visible_to(user).filter(status=Assignment.Status.PROPOSED)


def homework_for_meeting(meeting, user) -> tuple[list[Assignment], list[Assignment]]:
    """What the meeting reviews first (homework due by its date) and what it agreed."""
    supervision_ids = [attendance.supervision_id for attendance in meeting.attendances.all()]
    visible = assignments_visible_to(user).filter(supervision_id__in=supervision_ids)
    reviewed_here = Review.objects.filter(meeting=meeting)
    due = (
        visible.filter(
            created_at__date__lte=meeting.date,
            expected__due_on__lte=meeting.date,
        )
        .exclude(status__in=[Assignment.Status.PROPOSED])
        .filter(
            Q(status__in=[Assignment.Status.ACTIVE, Assignment.Status.DONE])
            | Q(reviews__in=reviewed_here)
        )
        .exclude(meeting=meeting)
        .distinct()
        .prefetch_related(Prefetch("reviews", queryset=reviewed_here, to_attr="reviews_here"))
        .order_by("supervision__supervisee__display_name", "created_at")
    )
    agreed = visible.filter(meeting=meeting).order_by("created_at")
    return list(due), list(agreed)
