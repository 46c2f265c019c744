"""Reactions to homework and meeting events: queue the reminders for their new dates.

Connected in ``RemindersConfig.ready()`` (dispatch_uids listed in homework/signals.py and
supervision/signals.py). Queuing waits for the commit: a rolled-back edit queues nothing.
"""

from django.db import transaction

from reminders import tasks


def assignment_changed(sender, assignment, actor=None, **kwargs):
    assignment_id, version = assignment.pk, assignment.version
    transaction.on_commit(
        lambda: tasks.assignment_reminders_queue(assignment_id=assignment_id, version=version),
        robust=True,
    )


def meeting_planned(sender, meeting, meeting_id=None, actor=None, **kwargs):
    if meeting.pk is None:
        return  # deleted: its queued reminders find no meeting and send nothing
    revision = meeting.revision
    transaction.on_commit(
        lambda: tasks.meeting_reminders_queue(meeting_id=meeting_id, revision=revision),
        robust=True,
    )
