"""Meetings a person may read, with who was there, and the reflections they may see."""

import datetime

from django.db.models import Func, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.utils import timezone

from supervision.models import (
    Attendance,
    Case,
    Meeting,
    MeetingReflection,
    Supervision,
    SupervisionGroup,
    User,
)
from supervision.permissions import objects_for_user

# What pages show of each supervisee present (their name, and whether the relationship still
# runs, ``Supervision.is_active``): the relationship's and the person's other columns are not
# read. ``meeting`` is the prefetch's own key.
ATTENDANCE_COLUMNS = (
    "meeting",
    "supervision__started_on",
    "supervision__ended_on",
    *User.name_columns("supervision__supervisee"),
)

# What the meeting record shows (``meeting_detail``): the meeting's facts and notes, and of the
# people and the group only their names. Not its ``created_at`` or edit ``revision``.
MEETING_RECORD_COLUMNS = (
    *Meeting.SECTIONS,
    "date",
    "starts_at",
    "duration_minutes",
    "mode",
    "observation",
    "updated_at",
    "group__name",
    *User.name_columns("supervisor", "recorded_by", "updated_by"),
)


def meetings_visible_to(user: User) -> QuerySet[Meeting]:
    """Meetings with who attended and the discussed cases this person may read.

    In a group meeting other members' cases were discussed too; the person sees how many,
    but their pseudonyms only if they may read those cases.
    """
    return objects_for_user(user, "view_meeting", meetings_shown_to(user))


def meetings_shown_to(user: User) -> QuerySet[Meeting]:
    """What ``meetings_visible_to`` gives of each meeting, before its filter: for a lookup that
    checks the person's permission on the meeting itself (``supervision.viewer.object_for``),
    where the filter would ask the same question again."""
    return meeting_facts().prefetch_related(*meeting_people_and_cases(user))


def meeting_facts() -> QuerySet[Meeting]:
    """Meetings with their supervisor and group, and how many cases each discussed
    (``discussed_count``)."""
    # COUNT as a plain function, not an aggregate: no GROUP BY to build, and 0 (not NULL) for a
    # meeting without cases. No DISTINCT: a case is on a meeting's list once (the table's
    # unique meeting and case).
    discussed = Meeting.cases_discussed.through.objects.filter(meeting=OuterRef("pk")).values(
        count=Func("case", function="COUNT")
    )
    return Meeting.objects.select_related("supervisor", "group").annotate(
        # A subquery rather than a join and GROUP BY over every selected column (issue 11).
        discussed_count=Subquery(discussed, output_field=IntegerField())
    )


def meeting_people_and_cases(user: User) -> tuple[Prefetch, Prefetch]:
    """Who attended (``attendances``) and the discussed cases this person may read
    (``visible_cases``), as prefetches: for ``meetings_shown_to``'s lists, or for one meeting
    already read (``prefetch_related_objects``: the meeting record reads them in its page part,
    only when it builds it)."""
    return (
        Prefetch(
            "attendances",
            queryset=Attendance.objects.select_related("supervision__supervisee").only(
                *ATTENDANCE_COLUMNS
            ),
        ),
        Prefetch(
            "cases_discussed",
            # Lists name each case by its pseudonym: its long clinical texts are not read.
            queryset=objects_for_user(
                user, "view_case", Case.objects.only("pseudonym").order_by("pseudonym")
            ),
            to_attr="visible_cases",
        ),
    )


def upcoming_meetings_for(user: User) -> QuerySet[Meeting]:
    """Meetings that have not taken place yet (``Meeting.has_taken_place``), soonest first."""
    return meetings_visible_to(user).planned().order_by("date", "starts_at", "pk")


def past_meetings_for(user: User) -> QuerySet[Meeting]:
    """Meetings that have taken place, newest first (the model's ordering)."""
    return meetings_visible_to(user).taken_place()


def meetings_of_supervision(supervision: Supervision, user: User) -> QuerySet[Meeting]:
    return meetings_visible_to(user).filter(attendances__supervision=supervision)


def meetings_of_group(group: SupervisionGroup, user: User) -> QuerySet[Meeting]:
    return meetings_visible_to(user).filter(group=group)


def upcoming_first(meetings: QuerySet[Meeting]) -> tuple[list[Meeting], list[Meeting]]:
    """A relationship's meetings split by whether they have taken place: the next planned one
    first, then the past, newest first (issue 16: the next meeting was far down an oldest-first
    list)."""
    now = timezone.now()
    # One query (and one round of its prefetches) for both halves, split here.
    newest_first = list(meetings.order_by("-date", "-starts_at", "-pk"))
    upcoming = [meeting for meeting in newest_first if not meeting.has_taken_place(now)]
    past = [meeting for meeting in newest_first if meeting.has_taken_place(now)]
    return upcoming[::-1], past


def next_meeting_date(supervision: Supervision, user: User, *, after) -> datetime.date | None:
    """The date of the supervision's first planned meeting after ``after`` (a date) that the
    person may read, or None: where new homework is reviewed, so its natural due date."""
    return (
        objects_for_user(user, "view_meeting", Meeting.objects.all())
        .filter(attendances__supervision=supervision, date__gt=after)
        .order_by("date")
        .values_list("date", flat=True)
        .first()
    )


def reflections_visible_to(meeting: Meeting, user: User) -> QuerySet[MeetingReflection]:
    """The meeting's reflections the person may read, with their author's name (``author.name``)
    and nothing more of the author."""
    return objects_for_user(
        user,
        "view_meetingreflection",
        # ``meeting`` too: the related manager reads each row's meeting_id to attach the meeting.
        meeting.reflections.select_related("author").only(
            "meeting",
            "text",
            "shared_with_supervisor",
            "updated_at",
            *User.name_columns("author"),
        ),
    )
