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


def _with_meeting_dates(queryset: QuerySet[Supervision]) -> QuerySet[Supervision]:
    """Last: the latest meeting that has taken place; next: the first one that has not."""
    attended = Attendance.objects.filter(supervision=OuterRef("pk")).order_by()
    return queryset.annotate(
        last_meeting_on=Subquery(
            attended.filter(taken_place_q("meeting__"))
            .order_by("-meeting__date")
            .values("meeting__date")[:1]
        ),
        next_meeting_on=Subquery(
            attended.exclude(taken_place_q("meeting__"))
            .order_by("meeting__date")
            .values("meeting__date")[:1]
        ),
    )


def supervisions_as_supervisor(user: User) -> QuerySet[Supervision]:
    """The supervisor's running relationships, one row per supervisee, ready for the dashboard.

    Each row carries its last and next meeting and its open cases, so the dashboard runs the
    same queries however many supervisees there are.
    """
    open_cases = (
        Case.objects.filter(supervision=OuterRef("pk"), status=Case.Status.OPEN)
        .order_by()
        .values("supervision")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return (
        _with_meeting_dates(supervisions_visible_to(user).filter(supervisor=user).active())
        .annotate(open_cases=Coalesce(Subquery(open_cases, output_field=IntegerField()), Value(0)))
        .order_by("supervisee__display_name", "supervisee__email", "pk")
    )


def supervisions_as_supervisee(user: User) -> QuerySet[Supervision]:
    return _with_meeting_dates(
        supervisions_visible_to(user).filter(supervisee=user).active()
    ).order_by("supervisor__display_name", "pk")


def supervisions_ended_for(user: User) -> QuerySet[Supervision]:
    """Ended relationships on either side, whose records the person can still read."""
    return supervisions_visible_to(user).filter(ended_on__isnull=False).order_by("-ended_on", "pk")


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
