"""Daily jobs queue their own next run, once, where the task backend can defer work."""

from datetime import datetime, time

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from recordings.tasks import recordings_retention_daily, retention_schedule
from supervision.daily import daily_schedule, next_daily_run

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


def test_the_next_run_is_tomorrow_at_the_hour():
    now = timezone.make_aware(datetime(2026, 3, 10, 22, 15))
    assert timezone.localtime(next_daily_run(now, time(3, 0))) == timezone.make_aware(
        datetime(2026, 3, 11, 3, 0)
    )


@pytest.mark.django_db
def test_scheduling_twice_queues_one_run(settings):
    settings.TASKS = DATABASE_TASKS
    with time_machine.travel(timezone.make_aware(datetime(2026, 3, 10, 12, 0)), tick=False):
        assert daily_schedule(recordings_retention_daily, at=time(2, 30))
        assert retention_schedule()
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("recordings_retention_daily")
    assert timezone.localtime(queued.run_after) == timezone.make_aware(datetime(2026, 3, 11, 2, 30))


@pytest.mark.django_db
def test_the_recordings_daily_run_queues_the_next(settings):
    settings.TASKS = DATABASE_TASKS
    outcome = recordings_retention_daily.call()
    assert set(outcome) >= {"deleted", "warned"}
    assert DBTaskResult.objects.get().task_path.endswith("recordings_retention_daily")


@pytest.mark.django_db
def test_a_backend_that_cannot_wait_queues_nothing():
    assert daily_schedule(recordings_retention_daily, at=time(2, 30)) is False
