"""The demo has homework due today: notify_sweep sends its reminder once, then nothing."""

import pytest
from django.core import mail
from django.core.management import call_command

from notifications.models import Notification

pytestmark = pytest.mark.django_db


def test_notify_sweep_on_the_demo_sends_its_emails_the_first_time_and_nothing_the_second(
    django_capture_on_commit_callbacks,
):
    call_command("seed_demo")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_sweep")
    first = [(message.to[0], message.subject) for message in mail.outbox]
    assert ("trainee1@example.org", "Homework due soon – CBT Supervision") in first
    reminder = Notification.objects.get(
        recipient__email="trainee1@example.org", kind=Notification.Kind.HOMEWORK_DUE
    )
    assert reminder.email_status == Notification.Email.SENT
    with django_capture_on_commit_callbacks(execute=True):
        call_command("notify_sweep")
    assert len(mail.outbox) == len(first)
