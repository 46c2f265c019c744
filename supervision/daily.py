"""Daily background jobs that queue their own next run (retention of exports, recordings...).

On a backend that can defer work (django-tasks-db), a daily task calls ``daily_schedule`` when it
has run, so one run is always waiting; ``manage.py <app>_retention --schedule`` queues the first
and is safe to repeat (``make run`` does). Where a scheduler (cron, a systemd timer) runs the
command daily instead, nothing needs queuing.
"""

from datetime import datetime, time, timedelta

from django.tasks import TaskResultStatus
from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def next_daily_run(now: datetime, at: time) -> datetime:
    """``at`` in the server's time zone on the day after ``now``."""
    tomorrow = timezone.localtime(now).date() + timedelta(days=1)
    return timezone.make_aware(datetime.combine(tomorrow, at))


def daily_waiting(daily_task) -> bool:
    """Whether a run of ``daily_task`` is already queued (django-tasks-db's table)."""
    path = f"{daily_task.func.__module__}.{daily_task.func.__qualname__}"
    return DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY).exists()


def daily_schedule(daily_task, *, at: time, now: datetime | None = None) -> bool:
    """Queue the next run of ``daily_task`` at ``at`` tomorrow unless one is waiting.

    Returns False where the backend cannot defer work (then a scheduler must run it daily).
    """
    if not daily_task.get_backend().supports_defer:
        return False
    if daily_waiting(daily_task):
        return True
    daily_task.using(run_after=next_daily_run(now or timezone.now(), at)).enqueue()
    return True
