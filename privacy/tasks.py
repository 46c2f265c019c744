"""Background work of the privacy app (django.tasks): building exports, applying retention daily.

The retention task queues its own next run (tomorrow, 03:00) on backends that can defer work
(django-tasks-db); ``manage.py privacy_retention --schedule`` queues the first one and is safe to
run again (``make run`` does). Where a scheduler runs ``manage.py privacy_retention`` daily
instead, nothing needs queuing.
"""

from datetime import datetime, time

from django.tasks import task

from privacy.exporting import export_build
from privacy.retention import retention_apply
from supervision.daily import daily_schedule

RETENTION_AT = time(3, 0)


@task
def export_build_task(*, export_id: int) -> None:
    export_build(export_id=export_id)


def retention_schedule(*, now: datetime | None = None) -> bool:
    """Queue the next daily run (03:00 tomorrow) unless one is waiting; False where the backend
    cannot defer (``supervision.daily``)."""
    return daily_schedule(retention_daily, at=RETENTION_AT, now=now)


@task
def retention_daily() -> dict:
    """Apply the retention periods, then queue tomorrow's run; returns what was removed."""
    run = retention_apply()
    retention_schedule()
    return run.removed
