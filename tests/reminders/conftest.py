"""People in known time zones and homework set at a known moment, for the frozen-clock tests."""

import datetime

import pytest
import time_machine
from django_tasks_db.models import DBTaskResult, get_date_max

from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment

UTC = datetime.UTC
SET_AT = datetime.datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
DUE_ON = datetime.date(2026, 12, 2)
# 09:00 on 1 December in Auckland (NZDT, UTC+13) is 20:00 UTC on 30 November.
REMINDER_AT = datetime.datetime(2026, 11, 30, 20, 0, tzinfo=UTC)


@pytest.fixture
def auckland(db):
    supervisor = UserFactory(display_name="Sam Supervisor", timezone="Europe/London")
    supervisee = UserFactory(display_name="Tia Trainee", timezone="Pacific/Auckland")
    with time_machine.travel(SET_AT, tick=False):
        supervision = make_supervision(supervisor, supervisee)
        assignment = make_assignment(supervision, starts_on=DUE_ON, title="Thought record")
    return supervision, assignment


def make_failed_task() -> DBTaskResult:
    """A failed e-mail task as the database backend records it (queued "as soon as possible")."""
    return DBTaskResult.objects.create(
        status="FAILED",
        args_kwargs={"args": [], "kwargs": {"notification_id": 0}},
        task_path="notifications.tasks.deliver_email",
        backend_name="default",
        run_after=get_date_max(),
        exception_class_path="smtplib.SMTPServerDisconnected",
        traceback="Traceback ...",
    )
