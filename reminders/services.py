"""Sending reminders, nudges, meeting reminders and weekly summaries: each at most once.

Every function here looks at the item as it is now (deleted, done, dropped, ended, muted,
moved) and at the clock, and sends only what is due; the notice's ``event_key`` makes a second
run (a second worker, ``notify_sweep``, a retried task) send nothing. So any of them may be run
at any time, as often as wanted.
"""

import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.urls import reverse
from django.utils import timezone

from feedback.selectors import entries_awaiting_feedback
from homework.models import Assignment, Occurrence
from notifications.models import Notification
from notifications.preferences import outside_quiet_hours, preference_for
from notifications.services import notification_send
from reminders import schedule
from reminders.models import AssignmentMute
from supervision.models import Meeting, Supervision, User
from worksheets.models import Entry

QUIET_SUPERVISEE_DAYS = 14


def _is_muted(assignment: Assignment) -> bool:
    supervision = assignment.supervision
    return AssignmentMute.objects.filter(
        assignment=assignment, person_id__in=(supervision.supervisee_id, supervision.supervisor_id)
    ).exists()


def assignment_reminders_send(*, assignment_id: int, now: datetime.datetime | None = None) -> int:
    """The reminder for each open occurrence due tomorrow, and one nudge once one is overdue.

    Nothing for homework that is deleted, not active (proposed, done, reviewed, dropped), in an
    ended supervision or muted; nothing for an occurrence already handed in. A reminder is not
    sent for homework set after its reminder time (the new-homework notice said the date).
    Returns how many notices were sent.
    """
    now = now or timezone.now()
    assignment = (
        Assignment.objects.select_related("supervision__supervisee", "supervision__supervisor")
        .filter(pk=assignment_id)
        .first()
    )
    if assignment is None or assignment.status != Assignment.Status.ACTIVE:
        return 0
    supervision = assignment.supervision
    supervisee = supervision.supervisee
    if supervision.ended_on is not None or not supervisee.is_active or _is_muted(assignment):
        return 0
    open_occurrences = (
        # A held occurrence (a locked pathway step) is not due yet: nothing to remind of.
        Occurrence.objects.filter(assignment=assignment, held=False)
        .exclude(entry__status=Entry.Status.SUBMITTED)
        .order_by("sequence")
    )
    url = reverse("homework:assignment_detail", args=[assignment.pk])
    sent = 0
    overdue = []
    for occurrence in open_occurrences:
        reminder = schedule.reminder_at(supervisee, occurrence.due_on)
        ends = schedule.day_ends_at(supervisee, occurrence.due_on)
        if reminder <= now < ends and assignment.created_at <= reminder:
            sent += _sent(
                notification_send(
                    recipient=supervisee,
                    kind=Notification.Kind.HOMEWORK_DUE,
                    title=f"“{assignment.title}” is due on {occurrence.due_on:%A %-d %B}",
                    url=url,
                    event_key=f"reminder:occurrence:{occurrence.pk}:{occurrence.due_on}",
                    facts={"due_on": occurrence.due_on.isoformat()},
                    email_expires_at=ends,
                )
            )
        nudge = schedule.nudge_at(supervisee, occurrence.due_on)
        if nudge <= now < nudge + schedule.NUDGE_WINDOW:
            overdue.append((occurrence, nudge))
    if overdue:
        occurrence, nudge = overdue[0]
        sent += _sent(
            notification_send(
                recipient=supervisee,
                kind=Notification.Kind.HOMEWORK_OVERDUE,
                title=f"“{assignment.title}” was planned for {occurrence.due_on:%A %-d %B}; "
                "you can still hand it in",
                url=url,
                # One nudge per homework and due date: moving the date may bring one more.
                event_key=f"nudge:assignment:{assignment.pk}:{assignment.starts_on}",
                facts={"due_on": occurrence.due_on.isoformat()},
                email_expires_at=nudge + schedule.NUDGE_WINDOW,
            )
        )
    return sent


def _sent(notification) -> int:
    return 0 if notification is None else 1


def meeting_people(meeting: Meeting) -> list[User]:
    people = [meeting.supervisor]
    for attendance in meeting.attendances.all():
        supervision = attendance.supervision
        if supervision.ended_on is None:
            people.append(supervision.supervisee)
    return [person for person in people if person.is_active]


def meeting_reminders_send(*, meeting_id: int, now: datetime.datetime | None = None) -> int:
    """A reminder to the supervisor and each attending supervisee the day before a planned meeting."""
    now = now or timezone.now()
    meeting = (
        Meeting.objects.select_related("supervisor")
        .prefetch_related("attendances__supervision__supervisee")
        .filter(pk=meeting_id)
        .first()
    )
    if meeting is None:
        return 0
    starts = schedule.meeting_starts_at(meeting)
    if now >= starts:
        return 0
    url = reverse("supervision:meeting_detail", args=[meeting.pk])
    sent = 0
    for person in meeting_people(meeting):
        if now < schedule.meeting_reminder_at(person, meeting):
            continue
        local = starts.astimezone(person.zone)
        when = f"{local:%A %-d %B}" + (f" at {local:%H:%M}" if meeting.starts_at else "")
        facts = (
            {"starts": starts.isoformat()} if meeting.starts_at else {"date": f"{local:%Y-%m-%d}"}
        )
        sent += _sent(
            notification_send(
                recipient=person,
                kind=Notification.Kind.MEETING_SOON,
                title=f"Supervision meeting on {when}",
                url=url,
                event_key=f"meeting:{meeting.pk}:{starts:%Y%m%dT%H%M}",
                facts=facts,
                email_expires_at=starts,
            )
        )
    return sent


def _digest_due(person: User, now: datetime.datetime) -> str | None:
    """The ISO week key if it is Monday morning or later that Monday for the person, else None."""
    local = now.astimezone(person.zone)
    if local.weekday() != 0:
        return None
    opens = schedule.local_moment(local.date(), schedule.REMINDER_TIME, person.zone)
    if now < outside_quiet_hours(person=person, moment=opens):
        return None
    year, week, _ = local.isocalendar()
    return f"{year}-W{week:02d}"


def weekly_digests_send(*, now: datetime.datetime | None = None) -> int:
    """On Monday from 09:00 local, one summary to each supervisor who wants it; once a week.

    It counts entries awaiting feedback, meetings in the next seven days and current supervisees
    with no entry written or meeting held in the last two weeks; counts only, no names.
    """
    now = now or timezone.now()
    today = now.date()
    active = Supervision.objects.active(today)
    supervisors = User.objects.filter(
        is_active=True, pk__in=active.values("supervisor_id")
    ).select_related("notification_preference")
    sent = 0
    for supervisor in supervisors:
        week = _digest_due(supervisor, now)
        if week is None or not preference_for(supervisor).weekly_digest:
            continue
        since = now - datetime.timedelta(days=QUIET_SUPERVISEE_DAYS)
        # Held and coming up as the supervisor's own pages say it, in their zone: a meeting
        # later today is coming up, not held (Meeting.has_taken_place).
        with timezone.override(supervisor.zone):
            local_today = timezone.localdate(now)
            held = Meeting.objects.taken_place(now)
            coming = Meeting.objects.planned(now)
        quiet = (
            active.filter(supervisor=supervisor)
            .exclude(
                Exists(Entry.objects.filter(author=OuterRef("supervisee"), updated_at__gte=since))
            )
            .exclude(
                Exists(
                    held.filter(
                        attendances__supervision=OuterRef("pk"),
                        date__gte=local_today - datetime.timedelta(days=QUIET_SUPERVISEE_DAYS),
                    )
                )
            )
            .count()
        )
        facts = {
            "awaiting_feedback": entries_awaiting_feedback(supervisor).count(),
            "meetings": coming.filter(
                supervisor=supervisor,
                date__lt=local_today + datetime.timedelta(days=7),
            ).count(),
            "quiet_supervisees": quiet,
        }
        sent += _sent(
            notification_send(
                recipient=supervisor,
                kind=Notification.Kind.WEEKLY_DIGEST,
                title=(
                    f"This week: {facts['awaiting_feedback']} awaiting feedback, "
                    f"{facts['meetings']} meetings, {facts['quiet_supervisees']} quiet supervisees"
                ),
                url=reverse("supervision:dashboard"),
                event_key=f"digest:{week}",
                facts=facts,
                email_expires_at=now + datetime.timedelta(days=2),
            )
        )
    return sent


def reminders_sweep(*, now: datetime.datetime | None = None) -> dict[str, int]:
    """Whatever is due now and was missed: reminders, nudges, meeting reminders, summaries, e-mails.

    For ``manage.py notify_sweep`` (cron or a systemd timer); safe to run any number of times.
    The date windows are two days wider than needed on each side, for every time zone.
    """
    from notifications.tasks import emails_due_deliver

    now = now or timezone.now()
    today = now.date()
    window = (
        today - schedule.NUDGE_WINDOW - datetime.timedelta(days=2),
        today + datetime.timedelta(days=2),
    )
    assignment_ids = (
        Occurrence.objects.filter(due_on__range=window, assignment__status=Assignment.Status.ACTIVE)
        .exclude(entry__status=Entry.Status.SUBMITTED)
        .values_list("assignment_id", flat=True)
        .distinct()
    )
    counts = {"reminders": 0, "meetings": 0, "digests": 0}
    for assignment_id in list(assignment_ids):
        counts["reminders"] += assignment_reminders_send(assignment_id=assignment_id, now=now)
    meeting_ids = Meeting.objects.filter(
        date__range=(today - datetime.timedelta(days=1), today + datetime.timedelta(days=2))
    ).values_list("pk", flat=True)
    for meeting_id in list(meeting_ids):
        counts["meetings"] += meeting_reminders_send(meeting_id=meeting_id, now=now)
    counts["digests"] = weekly_digests_send(now=now)
    counts["emails"] = emails_due_deliver(now=now).get("sent", 0)
    return counts


@transaction.atomic
def assignment_reminders_set(*, assignment: Assignment, person: User, on: bool) -> bool:
    """Turn reminders about one homework on or off for ``person`` (its supervisor or supervisee).

    PermissionDenied for anyone else. Setting the same twice changes nothing. Returns ``on``.
    """
    supervision = assignment.supervision
    if person.pk not in (supervision.supervisor_id, supervision.supervisee_id):
        raise PermissionDenied("Only the two people in this supervision set its reminders.")
    if on:
        AssignmentMute.objects.filter(assignment=assignment, person=person).delete()
    else:
        AssignmentMute.objects.get_or_create(assignment=assignment, person=person)
    return on


@transaction.atomic
def task_retry(*, task_id) -> bool:
    """Queue a failed background task again with the same arguments; False if it is not failed.

    The failed row stays as the record of the failure; retrying it twice queues it once (the
    row is marked by the retry in ``return_value``).
    """
    from django.tasks import Task
    from django.utils.module_loading import import_string
    from django_tasks_db.models import DBTaskResult

    failed = DBTaskResult.objects.select_for_update().filter(pk=task_id, status="FAILED").first()
    if failed is None or (failed.return_value or {}) == {"retried": True}:
        return False
    task_to_run = import_string(failed.task_path)
    if not isinstance(task_to_run, Task):
        return False
    arguments = failed.args_kwargs
    task_to_run.using(priority=failed.priority, queue_name=failed.queue_name).enqueue(
        *arguments["args"], **arguments["kwargs"]
    )
    failed.return_value = {"retried": True}
    failed.save(update_fields=["return_value"])
    return True
