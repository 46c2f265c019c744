"""A person's notification preferences as the senders read them: e-mail kinds and quiet hours."""

import datetime

from notifications.models import NotificationPreference


def preference_for(person) -> NotificationPreference:
    """The person's preferences; the defaults (every kind by e-mail, quiet 21:00-08:00) if unsaved."""
    try:
        return person.notification_preference
    except NotificationPreference.DoesNotExist:
        return NotificationPreference(person=person)


def outside_quiet_hours(*, person, moment: datetime.datetime) -> datetime.datetime:
    """``moment``, or the end of the person's quiet hours if it falls inside them (aware, UTC).

    Quiet hours are wall-clock times in the person's zone (``User.zone``); the end is found on
    the local day it falls on, so a window across midnight is handled.
    """
    preference = preference_for(person)
    zone = person.zone
    local = moment.astimezone(zone)
    if not preference.is_quiet(local.time().replace(tzinfo=None)):
        return moment
    end_day = local.date()
    if local.time() >= preference.quiet_until:
        end_day += datetime.timedelta(days=1)
    end = datetime.datetime.combine(end_day, preference.quiet_until, tzinfo=zone)
    return end.astimezone(datetime.UTC)
