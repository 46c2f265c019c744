"""Reminders, nudges, meeting reminders and summaries: at the right local time, once, never wrongly."""

import datetime

import pytest
import time_machine
from django.core import mail

from homework.models import Assignment
from homework.services.assignments import assignment_drop, assignment_update
from notifications.models import Notification
from notifications.services import notification_preference_save
from reminders.services import (
    assignment_reminders_send,
    assignment_reminders_set,
    meeting_reminders_send,
    reminders_sweep,
    weekly_digests_send,
)
from tests.factories import UserFactory, make_meeting, make_supervision
from tests.homework.factories import assignment_data
from tests.reminders.conftest import REMINDER_AT, UTC

pytestmark = pytest.mark.django_db
MINUTE = datetime.timedelta(minutes=1)


def due_notices(person, kind=Notification.Kind.HOMEWORK_DUE):
    return Notification.objects.filter(recipient=person, kind=kind)


def test_the_reminder_comes_at_nine_local_the_day_before_and_only_once(auckland):
    supervision, assignment = auckland
    assert assignment_reminders_send(assignment_id=assignment.pk, now=REMINDER_AT - MINUTE) == 0
    assert assignment_reminders_send(assignment_id=assignment.pk, now=REMINDER_AT) == 1
    assert assignment_reminders_send(assignment_id=assignment.pk, now=REMINDER_AT + MINUTE) == 0
    (notice,) = due_notices(supervision.supervisee)
    assert notice.title == "“Thought record” is due on Wednesday 2 December"
    assert notice.facts == {"due_on": "2026-12-02"}
    assert notice.url == f"/homework/{assignment.pk}/"


def test_the_reminder_waits_for_the_end_of_quiet_hours(auckland):
    supervision, assignment = auckland
    notification_preference_save(
        person=supervision.supervisee,
        email_kinds=[],
        quiet_from=datetime.time(7, 0),
        quiet_until=datetime.time(10, 30),
        weekly_digest=False,
    )
    late = REMINDER_AT + datetime.timedelta(minutes=90)
    assert assignment_reminders_send(assignment_id=assignment.pk, now=late - MINUTE) == 0
    assert assignment_reminders_send(assignment_id=assignment.pk, now=late) == 1


@pytest.mark.parametrize("change", ["done", "dropped", "deleted", "muted", "muted_by_supervisor"])
def test_no_reminder_for_homework_done_dropped_deleted_or_muted(auckland, change):
    supervision, assignment = auckland
    if change == "done":
        Assignment.objects.filter(pk=assignment.pk).update(status=Assignment.Status.DONE)
    elif change == "dropped":
        assignment_drop(assignment=assignment, actor=supervision.supervisor)
    elif change == "deleted":
        Assignment.objects.filter(pk=assignment.pk).delete()
    else:
        person = supervision.supervisee if change == "muted" else supervision.supervisor
        assignment_reminders_set(assignment=assignment, person=person, on=False)
    assert assignment_reminders_send(assignment_id=assignment.pk, now=REMINDER_AT) == 0
    assert not due_notices(supervision.supervisee).exists()


def test_a_moved_due_date_moves_the_reminder(auckland):
    supervision, assignment = auckland
    with time_machine.travel(datetime.datetime(2026, 11, 29, tzinfo=UTC), tick=False):
        assignment_update(
            assignment=assignment,
            editor=supervision.supervisor,
            based_on_version=assignment.version,
            data=assignment_data(starts_on=datetime.date(2026, 12, 5)),
            obstacles=[],
        )
    assert assignment_reminders_send(assignment_id=assignment.pk, now=REMINDER_AT) == 0
    moved = REMINDER_AT + datetime.timedelta(days=3)
    assert assignment_reminders_send(assignment_id=assignment.pk, now=moved) == 1


def test_one_gentle_nudge_the_morning_after_the_due_day(auckland):
    supervision, assignment = auckland
    nudge_at = REMINDER_AT + datetime.timedelta(days=2)
    assert assignment_reminders_send(assignment_id=assignment.pk, now=nudge_at - MINUTE) == 0
    assert assignment_reminders_send(assignment_id=assignment.pk, now=nudge_at) == 1
    assert assignment_reminders_send(assignment_id=assignment.pk, now=nudge_at + MINUTE) == 0
    (nudge,) = due_notices(supervision.supervisee, Notification.Kind.HOMEWORK_OVERDUE)
    assert "you can still hand it in" in nudge.title
    later = nudge_at + datetime.timedelta(days=8)
    assert assignment_reminders_send(assignment_id=assignment.pk, now=later) == 0


def test_a_vanished_time_zone_falls_back_to_the_site_zone(auckland):
    supervision, assignment = auckland
    supervision.supervisee.__class__.objects.filter(pk=supervision.supervisee_id).update(
        timezone="Mars/Olympus_Mons"
    )
    london_nine = datetime.datetime(2026, 12, 1, 9, 0, tzinfo=UTC)
    assert assignment_reminders_send(assignment_id=assignment.pk, now=london_nine) == 1


def test_meeting_reminder_to_both_people_the_day_before(db):
    supervisor = UserFactory(timezone="Europe/London")
    supervisee = UserFactory(timezone="Europe/Berlin")
    with time_machine.travel(datetime.datetime(2026, 11, 20, 12, tzinfo=UTC), tick=False):
        supervision = make_supervision(supervisor, supervisee)
        meeting = make_meeting(
            supervision, date=datetime.date(2026, 12, 3), starts_at=datetime.time(14, 0)
        )
    berlin_nine = datetime.datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    london_nine = datetime.datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
    assert meeting_reminders_send(meeting_id=meeting.pk, now=berlin_nine - MINUTE) == 0
    assert meeting_reminders_send(meeting_id=meeting.pk, now=berlin_nine) == 1
    assert meeting_reminders_send(meeting_id=meeting.pk, now=london_nine) == 1
    assert meeting_reminders_send(meeting_id=meeting.pk, now=london_nine + MINUTE) == 0
    titles = dict(
        Notification.objects.filter(kind=Notification.Kind.MEETING_SOON).values_list(
            "recipient", "title"
        )
    )
    assert titles == {
        supervisor.pk: "Supervision meeting on Thursday 3 December at 14:00",
        supervisee.pk: "Supervision meeting on Thursday 3 December at 15:00",
    }
    after = datetime.datetime(2026, 12, 3, 14, 0, tzinfo=UTC)
    meeting.delete()
    assert meeting_reminders_send(meeting_id=meeting.pk, now=after) == 0


def test_weekly_summary_on_monday_morning_once_a_week(db):
    supervisor = UserFactory(timezone="Europe/London")
    with time_machine.travel(datetime.datetime(2026, 11, 1, tzinfo=UTC), tick=False):
        make_supervision(supervisor, UserFactory())
    sunday = datetime.datetime(2026, 11, 29, 12, tzinfo=UTC)
    monday_nine = datetime.datetime(2026, 11, 30, 9, tzinfo=UTC)
    assert weekly_digests_send(now=sunday) == 0
    assert weekly_digests_send(now=monday_nine - MINUTE) == 0
    assert weekly_digests_send(now=monday_nine) == 1
    assert weekly_digests_send(now=monday_nine + datetime.timedelta(hours=3)) == 0
    (digest,) = Notification.objects.filter(kind=Notification.Kind.WEEKLY_DIGEST)
    assert digest.facts == {"awaiting_feedback": 0, "meetings": 0, "quiet_supervisees": 1}


def test_no_weekly_summary_for_someone_who_turned_it_off(db):
    supervisor = UserFactory()
    with time_machine.travel(datetime.datetime(2026, 11, 1, tzinfo=UTC), tick=False):
        make_supervision(supervisor, UserFactory())
    notification_preference_save(
        person=supervisor, email_kinds=[], quiet_from=None, quiet_until=None, weekly_digest=False
    )
    assert weekly_digests_send(now=datetime.datetime(2026, 11, 30, 10, tzinfo=UTC)) == 0


def test_sweep_sends_what_is_due_the_first_time_and_nothing_the_second(
    auckland, django_capture_on_commit_callbacks
):
    supervision, _ = auckland
    mail.outbox.clear()
    with time_machine.travel(REMINDER_AT, tick=False):
        with django_capture_on_commit_callbacks(execute=True):
            first = reminders_sweep()
        with django_capture_on_commit_callbacks(execute=True):
            second = reminders_sweep()
    # The new-homework e-mail (its queued task never ran), the reminder, and the supervisor's
    # weekly summary (it is Monday evening in London).
    assert first == {"reminders": 1, "meetings": 0, "digests": 1, "emails": 3}
    assert second == {"reminders": 0, "meetings": 0, "digests": 0, "emails": 0}
    sent = sorted((message.to[0], message.subject) for message in mail.outbox)
    assert sent == sorted(
        [
            (supervision.supervisee.email, "Homework due soon – CBT Supervision"),
            (supervision.supervisee.email, "New homework – CBT Supervision"),
            (supervision.supervisor.email, "Weekly summary – CBT Supervision"),
        ]
    )


def test_the_weekly_summary_counts_a_meeting_later_that_day_as_coming_not_held(db):
    """Trial finding 1, elsewhere: on Monday at 09:00 a meeting at 17:00 has not been held, so
    its supervisee is still quiet, and the meeting is one of the week's coming up."""
    supervisor = UserFactory(timezone="Europe/London")
    with time_machine.travel(datetime.datetime(2026, 11, 1, tzinfo=UTC), tick=False):
        supervision = make_supervision(supervisor, UserFactory())
        make_meeting(supervision, date=datetime.date(2026, 11, 30), starts_at="17:00")
    assert weekly_digests_send(now=datetime.datetime(2026, 11, 30, 9, tzinfo=UTC)) == 1
    (digest,) = Notification.objects.filter(kind=Notification.Kind.WEEKLY_DIGEST)
    assert digest.facts == {"awaiting_feedback": 0, "meetings": 1, "quiet_supervisees": 1}
