"""When a reminder, a nudge or a meeting reminder is due for one person, in their own zone.

Due dates are calendar days in the supervisee's zone (homework is due by the end of that day).
A reminder comes at 09:00 local the day before, a nudge at 09:00 local the day after; either is
pushed past the person's quiet hours (``notifications.services.outside_quiet_hours``). All
returned moments are aware datetimes.
"""

import datetime

from notifications.preferences import outside_quiet_hours

REMINDER_TIME = datetime.time(9, 0)
NUDGE_WINDOW = datetime.timedelta(days=7)
MEETING_DEFAULT_TIME = datetime.time(9, 0)


def local_moment(day: datetime.date, at: datetime.time, zone) -> datetime.datetime:
    """Wall-clock ``at`` on ``day`` in ``zone`` (a nonexistent time moves forward with DST)."""
    return datetime.datetime.combine(day, at, tzinfo=zone).astimezone(datetime.UTC)


def reminder_at(person, due_on: datetime.date) -> datetime.datetime:
    day_before = due_on - datetime.timedelta(days=1)
    return outside_quiet_hours(
        person=person, moment=local_moment(day_before, REMINDER_TIME, person.zone)
    )


def day_ends_at(person, day: datetime.date) -> datetime.datetime:
    return local_moment(day + datetime.timedelta(days=1), datetime.time(0, 0), person.zone)


def nudge_at(person, due_on: datetime.date) -> datetime.datetime:
    day_after = due_on + datetime.timedelta(days=1)
    return outside_quiet_hours(
        person=person, moment=local_moment(day_after, REMINDER_TIME, person.zone)
    )


def meeting_starts_at(meeting) -> datetime.datetime:
    """A meeting's time is the supervisor's wall clock (the one who holds it)."""
    return local_moment(
        meeting.date, meeting.starts_at or MEETING_DEFAULT_TIME, meeting.supervisor.zone
    )


def meeting_reminder_at(person, meeting) -> datetime.datetime:
    local_day = meeting_starts_at(meeting).astimezone(person.zone).date()
    day_before = local_day - datetime.timedelta(days=1)
    return outside_quiet_hours(
        person=person, moment=local_moment(day_before, REMINDER_TIME, person.zone)
    )
