"""Background work of the privacy app (django.tasks): building exports, applying retention daily.

The retention task queues its own next run (tomorrow, 03:00) on backends that can defer work
(django-tasks-db); ``manage.py privacy_retention --schedule`` queues the first one and is safe to
run again (``make run`` does). Where a scheduler runs ``manage.py privacy_retention`` daily
instead, nothing needs queuing.
"""

from datetime import datetime, time, timedelta

from django.tasks import TaskResultStatus, task
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from privacy.exporting import export_build
from privacy.retention import retention_apply

RETENTION_AT = time(3, 0)


@task
def export_build_task(*, export_id: int) -> None:
    export_build(export_id=export_id)


def next_retention_run(now: datetime) -> datetime:
    """03:00 in the server's time zone on the day after ``now``."""
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, RETENTION_AT))


def retention_schedule(*, now: datetime | None = None) -> bool:
    """Queue the next daily run unless one is waiting; False where the backend cannot defer."""
    backend = retention_daily.get_backend()
    if not backend.supports_defer:
        return False
    if _retention_waiting():
        return True
    run_after = next_retention_run(now or timezone.now())
    retention_daily.using(run_after=run_after).enqueue()
    return True


def _retention_waiting() -> bool:
    path = f"{retention_daily.func.__module__}.{retention_daily.func.__qualname__}"
    return DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY).exists()


@task
def retention_daily() -> dict:
    """Apply the retention periods, then queue tomorrow's run; returns what was removed."""
    run = retention_apply()
    retention_schedule()
    return run.removed
