"""Several workers at once on PostgreSQL: each reminder, and each e-mail, goes out once."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.db import connection

from notifications.models import Notification
from notifications.tasks import emails_due_deliver
from reminders.services import assignment_reminders_send
from tests.concurrency import THREADS, at_once
from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment
from tests.reminders.conftest import REMINDER_AT, SET_AT

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks and concurrent transactions are tested on PostgreSQL.")


def test_workers_running_the_same_reminder_at_once_send_it_once():
    supervisee = UserFactory(timezone="Pacific/Auckland")
    with time_machine.travel(SET_AT, tick=False):
        supervision = make_supervision(UserFactory(), supervisee)
        assignment = make_assignment(supervision, starts_on=datetime.date(2026, 12, 2))
    Notification.objects.update(email_status=Notification.Email.NONE)
    mail.outbox.clear()
    with time_machine.travel(REMINDER_AT, tick=False):
        outcomes = at_once(lambda: assignment_reminders_send(assignment_id=assignment.pk))
        assert outcomes == [None] * THREADS
        assert Notification.objects.filter(kind=Notification.Kind.HOMEWORK_DUE).count() == 1
        outcomes = at_once(emails_due_deliver)
    assert outcomes == [None] * THREADS
    assert [message.subject for message in mail.outbox] == ["Homework due soon – CBT Supervision"]
