"""Supervision relationships and groups a person takes part in, with what their dashboards show."""

from django.db.models import Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from supervision.models import Attendance, Case, Meeting, Supervision, SupervisionGroup, User
from supervision.models.meetings import taken_place_q
from supervision.permissions import objects_for_user


def supervisions_visible_to(user: User) -> QuerySet[Supervision]:
    return objects_for_user(
        user,
        "view_supervision",
        Supervision.objects.select_related("supervisor", "supervisee", "group"),
    )


def _meeting_dates() -> dict:
    """Last: the latest meeting that has taken place; next: the first one that has not.

    As annotations, for one ``annotate()`` call with the others a list adds (each call clones
    the whole query).
    """
    attended = Attendance.objects.filter(supervision=OuterRef("pk"))
    taken = taken_place_q("meeting__")
    return {
        "last_meeting_on": Subquery(
            attended.filter(taken).order_by("-meeting__date").values("meeting__date")[:1]
        ),
        "next_meeting_on": Subquery(
            attended.exclude(taken).order_by("meeting__date").values("meeting__date")[:1]
        ),
    }


# What a list of relationships shows of each (Supervision.setting_phrase reads the group's name).
SUPERVISION_ROW_COLUMNS = (
    "supervisor_id",
    "supervisee_id",
    "kind",
    "format",
    "group__name",
    "started_on",
    "ended_on",
)


def supervisions_as_supervisor(user: User) -> QuerySet[Supervision]:
    """The supervisor's running relationships, one row per supervisee, ready for the dashboard.

    Each row carries its last and next meeting and its open cases, so the dashboard runs the
    same queries however many supervisees there are. Only the columns the dashboard and its
    panels read (the supervisee's name, the group's name, kind, format, dates): the three whole
    user rows cost a fifth of the page's SQL building and reading (issue 11).
    """
    open_cases = (
        Case.objects.filter(supervision=OuterRef("pk"), status=Case.Status.OPEN)
        .order_by()
        .values("supervision")
        .annotate(count=Count("pk"))
        .values("count")
    )
    # Narrowed before the permission filter and the annotations: each step clones the query.
    rows = (
        Supervision.objects.select_related("supervisee", "group")
        .only(*SUPERVISION_ROW_COLUMNS, *User.name_columns("supervisee"))
        .filter(supervisor=user)
        .active()
    )
    return (
        objects_for_user(user, "view_supervision", rows)
        .annotate(
            **_meeting_dates(),
            open_cases=Coalesce(Subquery(open_cases, output_field=IntegerField()), Value(0)),
        )
        .order_by("supervisee__display_name", "supervisee__email", "pk")
    )


def supervisions_as_supervisee(user: User) -> QuerySet[Supervision]:
    return (
        supervisions_visible_to(user)
        .filter(supervisee=user)
        .active()
        .annotate(**_meeting_dates())
        .order_by("supervisor__display_name", "pk")
    )


def supervisions_ended_for(user: User) -> QuerySet[Supervision]:
    """Ended relationships on either side, whose records the person can still read.

    Only what the dashboard lists: both people's names, the group's, kind and dates.
    """
    return (
        supervisions_visible_to(user)
        .filter(ended_on__isnull=False)
        .only(*SUPERVISION_ROW_COLUMNS, *User.name_columns("supervisor", "supervisee"))
        .order_by("-ended_on", "pk")
    )


def groups_visible_to(user: User) -> QuerySet[SupervisionGroup]:
    return objects_for_user(
        user, "view_supervisiongroup", SupervisionGroup.objects.select_related("supervisor")
    )


def groups_led_by(user: User) -> QuerySet[SupervisionGroup]:
    next_meeting = (
        Meeting.objects.planned().filter(group=OuterRef("pk")).order_by("date").values("date")[:1]
    )
    return (
        groups_visible_to(user)
        .filter(supervisor=user)
        .active()
        .annotate(
            member_count=Count("memberships", filter=Q(memberships__ended_on__isnull=True)),
            next_meeting_on=Subquery(next_meeting),
        )
        .order_by("name", "pk")
    )


def groups_led_listed(user: User) -> QuerySet[SupervisionGroup]:
    """``groups_led_by`` as the dashboard lists them: name, kind, members and next meeting."""
    return groups_led_by(user).select_related(None).only("name", "kind")


def group_members(group: SupervisionGroup) -> QuerySet[Supervision]:
    return group.memberships.select_related("supervisee").order_by(
        F("ended_on").asc(nulls_first=True), "supervisee__display_name", "pk"
    )


# --- For programme administrators: people and dates only, never what was discussed -------------


def relationships_for_administration(status: str = "current") -> QuerySet[Supervision]:
    relationships = Supervision.objects.select_related("supervisor", "supervisee", "group")
    if status == "ended":
        relationships = relationships.filter(ended_on__isnull=False)
    elif status == "current":
        relationships = relationships.filter(ended_on__isnull=True)
    return relationships.order_by("supervisor__display_name", "supervisee__display_name", "pk")


def groups_for_administration() -> QuerySet[SupervisionGroup]:
    return (
        SupervisionGroup.objects.select_related("supervisor")
        .annotate(member_count=Count("memberships", filter=Q(memberships__ended_on__isnull=True)))
        .order_by(F("ended_on").asc(nulls_first=True), "name", "pk")
    )


def people_for_administration() -> QuerySet[User]:
    return User.objects.filter(is_active=True).order_by("display_name", "email")
