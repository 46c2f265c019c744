"""The background tasks of reminders, queued with a run-after time when homework or a meeting changes.

A task carries the version (homework) or revision (meeting) it was queued for; if the item has
changed since, a newer task was queued and this one does nothing. Either way the services it
calls look at the item as it is and send each notice at most once.
"""

from django.tasks import task
from django.utils import timezone

from homework.models import Assignment
from notifications.tasks import enqueue_at
from reminders import schedule, services
from supervision.models import Meeting


@task
def assignment_reminders(*, assignment_id: int, version: int) -> int | str:
    if not Assignment.objects.filter(pk=assignment_id, version=version).exists():
        return "stale"
    return services.assignment_reminders_send(assignment_id=assignment_id)


@task
def meeting_reminders(*, meeting_id: int, revision: int) -> int | str:
    if not Meeting.objects.filter(pk=meeting_id, revision=revision).exists():
        return "stale"
    return services.meeting_reminders_send(meeting_id=meeting_id)


def assignment_reminders_queue(*, assignment_id: int, version: int) -> int:
    """Queue a run now and one at each reminder and nudge time still ahead; returns how many."""
    assignment = (
        Assignment.objects.select_related("supervision__supervisee")
        .filter(pk=assignment_id, version=version, status=Assignment.Status.ACTIVE)
        .first()
    )
    if assignment is None:
        return 0
    supervisee, now = assignment.supervision.supervisee, timezone.now()
    moments = {now}
    for occurrence in assignment.expected.filter(held=False):
        moments.add(schedule.reminder_at(supervisee, occurrence.due_on))
        moments.add(schedule.nudge_at(supervisee, occurrence.due_on))
    ahead = sorted(moment for moment in moments if moment >= now)
    for moment in ahead:
        enqueue_at(assignment_reminders, moment, assignment_id=assignment_id, version=version)
    return len(ahead)


def meeting_reminders_queue(*, meeting_id: int, revision: int) -> int:
    meeting = (
        Meeting.objects.select_related("supervisor")
        .prefetch_related("attendances__supervision__supervisee")
        .filter(pk=meeting_id, revision=revision)
        .first()
    )
    if meeting is None or schedule.meeting_starts_at(meeting) <= timezone.now():
        return 0
    now = timezone.now()
    moments = {now} | {
        schedule.meeting_reminder_at(person, meeting) for person in services.meeting_people(meeting)
    }
    ahead = sorted(moment for moment in moments if moment >= now)
    for moment in ahead:
        enqueue_at(meeting_reminders, moment, meeting_id=meeting_id, revision=revision)
    return len(ahead)
