"""The privacy app's background work: the daily retention run queues tomorrow's, once."""

from datetime import datetime, timedelta

import pytest
import time_machine
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from privacy.models import RetentionRun
from privacy.tasks import retention_daily, retention_schedule

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.mark.django_db
def test_scheduling_twice_queues_one_run_for_tomorrow(settings):
    settings.TASKS = DATABASE_TASKS
    with time_machine.travel(timezone.make_aware(datetime(2026, 3, 10, 12, 0)), tick=False):
        assert retention_schedule()
        assert retention_schedule()
    queued = DBTaskResult.objects.get()
    assert queued.task_path.endswith("retention_daily")
    assert timezone.localtime(queued.run_after) == timezone.make_aware(datetime(2026, 3, 11, 3, 0))


@pytest.mark.django_db
def test_the_daily_run_applies_retention_and_queues_the_next(settings):
    settings.TASKS = DATABASE_TASKS
    retention_daily.call()
    assert RetentionRun.objects.count() == 1
    assert DBTaskResult.objects.get().run_after > timezone.now() + timedelta(hours=1)


@pytest.mark.django_db
def test_a_backend_that_cannot_wait_runs_nothing_later():
    # The test settings run tasks at once: there is no "tomorrow" to queue for.
    assert retention_schedule() is False
