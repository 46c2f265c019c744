"""Starting and ending supervision relationships and groups, with the permissions that come with them.

Access to clinical material follows the relationship: while it runs, both parties record
meetings and the supervisee brings cases; when it ends, nothing new can be added and the
supervisor keeps reading only what was created before the end.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from supervision.models import (
    Case,
    Meeting,
    MeetingReflection,
    Supervision,
    SupervisionGroup,
    User,
)
from supervision.permissions import grant, revoke
from supervision.signals import supervision_ended, supervision_started

SUPERVISION_PERMS = ("view_supervision", "record_meeting")
SUPERVISEE_EXTRA_PERMS = ("bring_case",)
GROUP_PERMS = ("view_supervisiongroup", "record_meeting")
FURTHEST_START_DAYS = 366


def _check_start_date(started_on: datetime.date) -> None:
    if started_on > timezone.localdate() + datetime.timedelta(days=FURTHEST_START_DAYS):
        raise ValidationError({"started_on": "A relationship can start at most a year ahead."})


def _check_end_date(
    ended_on: datetime.date | None, started_on: datetime.date, last_meeting: datetime.date | None
) -> None:
    if ended_on is None:
        raise ValidationError({"ended_on": "Enter the date the supervision ended."})
    if ended_on > timezone.localdate():
        raise ValidationError(
            {"ended_on": "The end date cannot be in the future. End it on the day it ends."}
        )
    if ended_on < started_on:
        raise ValidationError(
            {"ended_on": f"The end date cannot be before the start ({started_on:%d %b %Y})."}
        )
    if last_meeting and ended_on < last_meeting:
        raise ValidationError(
            {
                "ended_on": f"There is a meeting on {last_meeting:%d %b %Y}; "
                "the supervision cannot end before it."
            }
        )


@transaction.atomic
def supervision_start(
    *,
    supervisor: User,
    supervisee: User,
    kind: str = Supervision.Kind.CLINICAL,
    format: str = Supervision.Format.INDIVIDUAL,
    group: SupervisionGroup | None = None,
    started_on: datetime.date | None = None,
    actor: User | None = None,
) -> Supervision:
    """Start a relationship (in a group when given); sends ``supervision_started``.

    ``actor`` is whoever started it (an administrator, or the supervisee accepting an invitation).
    """
    started_on = started_on or timezone.localdate()
    _check_start_date(started_on)
    if group is not None:
        format = Supervision.Format.GROUP
        kind = group.kind
        if group.ended_on is not None:
            raise ValidationError({"group": "This group has ended; it takes no new members."})
        if started_on < group.started_on:
            raise ValidationError(
                {"started_on": f"The group starts on {group.started_on:%d %b %Y}."}
            )
    supervision = Supervision(
        supervisor=supervisor,
        supervisee=supervisee,
        kind=kind,
        format=format,
        group=group,
        started_on=started_on,
    )
    supervision.full_clean()
    supervision.save()
    grant(supervisor, SUPERVISION_PERMS, supervision)
    grant(supervisee, SUPERVISION_PERMS + SUPERVISEE_EXTRA_PERMS, supervision)
    if group is not None:
        grant(supervisee, GROUP_PERMS, group)
    supervision_started.send(sender=Supervision, supervision=supervision, actor=actor)
    return supervision


@transaction.atomic
def supervision_end(
    *, supervision: Supervision, ended_on: datetime.date | None = None, actor: User | None = None
) -> Supervision:
    """End a relationship on ``ended_on`` (today by default); sends ``supervision_ended``.

    Raises ValidationError for a second end, a future date, or a date before the start or
    before a recorded meeting.
    """
    supervision = Supervision.objects.select_for_update().get(pk=supervision.pk)
    if supervision.ended_on is not None:
        raise ValidationError({"ended_on": "This supervision has already ended."})
    ended_on = ended_on or timezone.localdate()
    last_meeting = supervision.attendances.aggregate(last=Max("meeting__date"))["last"]
    _check_end_date(ended_on, supervision.started_on, last_meeting)
    supervision.ended_on = ended_on
    supervision.full_clean()
    supervision.save(update_fields=["ended_on"])

    supervisor, supervisee = supervision.supervisor, supervision.supervisee
    # Nothing new can be recorded or brought; past records stay readable but no longer editable.
    revoke(supervisor, ["record_meeting"], supervision)
    revoke(supervisee, ["record_meeting", *SUPERVISEE_EXTRA_PERMS], supervision)
    meetings = Meeting.objects.filter(attendances__supervision=supervision)
    revoke(supervisee, ["change_meeting"], meetings)
    revoke(supervisor, ["change_meeting", "delete_meeting"], meetings.filter(group__isnull=True))
    cases = Case.objects.filter(supervision=supervision)
    revoke(supervisor, ["comment_case"], cases)
    revoke(supervisee, ["comment_case"], cases)
    # An end entered after the fact also takes back what was created after the end date.
    revoke(supervisor, ["view_case"], cases.filter(created_at__date__gt=ended_on))
    revoke(
        supervisor,
        ["view_meetingreflection"],
        MeetingReflection.objects.filter(
            meeting__in=meetings, author=supervisee, created_at__date__gt=ended_on
        ),
    )
    if supervision.group_id:
        revoke(supervisee, ["record_meeting"], supervision.group)
    # What other apps hold in the relationship (homework) is theirs to close.
    supervision_ended.send(sender=Supervision, supervision=supervision, actor=actor)
    return supervision


@transaction.atomic
def supervision_group_start(
    *,
    supervisor: User,
    name: str,
    kind: str = Supervision.Kind.CLINICAL,
    started_on: datetime.date | None = None,
    credit_rule: str = SupervisionGroup.CreditRule.SHARED,
    credit_percent: int | None = None,
    members: list[User] | tuple[User, ...] = (),
    actor: User | None = None,
) -> SupervisionGroup:
    started_on = started_on or timezone.localdate()
    _check_start_date(started_on)
    if any(member.pk == supervisor.pk for member in members):
        raise ValidationError({"members": "The group's supervisor cannot also be a member."})
    group = SupervisionGroup(
        supervisor=supervisor,
        name=(name or "").strip(),
        kind=kind,
        started_on=started_on,
        credit_rule=credit_rule,
        credit_percent=credit_percent if credit_rule == "percent" else None,
    )
    group.full_clean()
    group.save()
    grant(supervisor, GROUP_PERMS, group)
    for member in members:
        supervision_start(
            supervisor=supervisor,
            supervisee=member,
            group=group,
            started_on=started_on,
            actor=actor,
        )
    return group


@transaction.atomic
def supervision_group_update(
    *, group: SupervisionGroup, name: str, credit_rule: str, credit_percent: int | None = None
) -> SupervisionGroup:
    group.name = (name or "").strip()
    group.credit_rule = credit_rule
    group.credit_percent = credit_percent if credit_rule == "percent" else None
    group.full_clean()
    group.save(update_fields=["name", "credit_rule", "credit_percent"])
    return group


@transaction.atomic
def supervision_group_end(
    *, group: SupervisionGroup, ended_on: datetime.date | None = None, actor: User | None = None
) -> SupervisionGroup:
    group = SupervisionGroup.objects.select_for_update().get(pk=group.pk)
    if group.ended_on is not None:
        raise ValidationError({"ended_on": "This group has already ended."})
    ended_on = ended_on or timezone.localdate()
    last_meeting = group.meetings.aggregate(last=Max("date"))["last"]
    _check_end_date(ended_on, group.started_on, last_meeting)
    for membership in group.memberships.current():
        supervision_end(
            supervision=membership, ended_on=max(ended_on, membership.started_on), actor=actor
        )
    group.ended_on = ended_on
    group.full_clean()
    group.save(update_fields=["ended_on"])
    revoke(group.supervisor, ["record_meeting"], group)
    revoke(group.supervisor, ["change_meeting", "delete_meeting"], group.meetings.all())
    return group
