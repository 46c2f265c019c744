"""Background work (django.tasks): the daily retention run, which queues the next one."""

from datetime import datetime, time

from django.tasks import task

from recordings.services import recordings_retention
from supervision.daily import daily_schedule

# Early morning, before people open their recordings: a warning e-mail arrives with the day.
RETENTION_AT = time(2, 30)


def retention_schedule(*, now: datetime | None = None) -> bool:
    """Queue tomorrow's run unless one is waiting; False where the backend cannot defer."""
    return daily_schedule(recordings_retention_daily, at=RETENTION_AT, now=now)


@task
def recordings_retention_daily() -> dict:
    """Deletes recordings on their delete-by date and warns a week ahead, then queues tomorrow's
    run (``manage.py recordings_retention --schedule`` queues the first; cron may run the
    command instead)."""
    outcome = recordings_retention()
    retention_schedule()
    return outcome
