"""E-mail delivery: once, after the commit, outside quiet hours, retried with back-off, never twice."""

import datetime
import smtplib
import socket

import pytest
import time_machine
from aiosmtpd.controller import Controller
from django.core import mail

from notifications.models import Notification
from notifications.services import notification_preference_save, notification_send
from notifications.tasks import BACK_OFF_MINUTES, MAX_ATTEMPTS, notification_email_deliver
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
NOON = datetime.datetime(2026, 11, 30, 12, 0, tzinfo=datetime.UTC)


def send(recipient, **extra):
    return notification_send(
        recipient=recipient,
        kind=Notification.Kind.FEEDBACK_RELEASED,
        title="Sam released a comment on “Thought record”",
        url="/feedback/entries/1/",
        **extra,
    )


@pytest.fixture
def frozen():
    with time_machine.travel(NOON, tick=False) as traveller:
        yield traveller


def test_the_email_goes_after_the_commit_and_only_once(frozen, django_capture_on_commit_callbacks):
    person = UserFactory(timezone="Europe/London")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        notice = send(person)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert len(mail.outbox) == 1
    assert notification_email_deliver(notification_id=notice.pk) == "nothing to do"
    assert len(mail.outbox) == 1
    notice.refresh_from_db()
    assert (notice.email_status, notice.email_attempts) == (Notification.Email.SENT, 1)


def test_the_same_event_notifies_once(frozen):
    person = UserFactory()
    assert send(person, event_key="feedback:1:released:1") is not None
    assert send(person, event_key="feedback:1:released:1") is None
    assert Notification.objects.filter(recipient=person).count() == 1


def test_a_notice_once_per_event_is_one_insert_and_keeps_the_callers_transaction(
    frozen, django_assert_num_queries
):
    """No savepoint and no check that the people exist: the preferences and one insert, which
    skips the event already told without ending the transaction the caller is in."""
    person, actor = UserFactory(), UserFactory()
    with django_assert_num_queries(2):  # the preferences, the insert
        first = send(person, actor=actor, event_key="feedback:1:released:1")
    assert first.pk and Notification.objects.get(pk=first.pk).actor == actor
    with django_assert_num_queries(1):  # the preferences are known now
        assert send(person, actor=actor, event_key="feedback:1:released:1") is None
    assert Notification.objects.filter(recipient=person).count() == 1  # the transaction goes on


def test_no_email_in_quiet_hours_it_waits_for_their_end(frozen, django_capture_on_commit_callbacks):
    person = UserFactory(timezone="Pacific/Auckland")  # 01:00 on 1 December there
    with django_capture_on_commit_callbacks(execute=True):
        notice = send(person)
    assert mail.outbox == []
    notice.refresh_from_db()
    assert notice.email_due_at == datetime.datetime(2026, 11, 30, 19, 0, tzinfo=datetime.UTC)
    assert notification_email_deliver(notification_id=notice.pk) == "not due"
    later = notice.email_due_at
    assert notification_email_deliver(notification_id=notice.pk, now=later) == "sent"


def test_no_email_when_the_person_wants_this_kind_only_in_the_app(frozen):
    person = UserFactory()
    notification_preference_save(
        person=person, email_kinds=[], quiet_from=None, quiet_until=None, weekly_digest=True
    )
    notice = send(person)
    assert notice.email_status == Notification.Email.NONE


def test_a_person_without_an_address_gets_the_notice_in_the_app_only(frozen):
    person = UserFactory()
    person.email = ""
    notice = send(person)
    assert notice.email_status == Notification.Email.NONE


def test_an_email_past_its_use_is_not_sent(frozen):
    notice = send(UserFactory(), email_expires_at=NOON - datetime.timedelta(minutes=1))
    assert notification_email_deliver(notification_id=notice.pk) == "expired"
    assert mail.outbox == []


def test_a_refusing_mail_server_is_retried_with_back_off_then_given_up(
    frozen, monkeypatch, django_capture_on_commit_callbacks
):
    notice = send(UserFactory())

    def refuse(self, *args, **kwargs):
        raise smtplib.SMTPServerDisconnected("Connection unexpectedly closed")

    monkeypatch.setattr("django.core.mail.EmailMultiAlternatives.send", refuse)
    now = NOON
    for attempt, wait in enumerate(BACK_OFF_MINUTES, start=1):
        assert notification_email_deliver(notification_id=notice.pk, now=now) == "retry"
        notice.refresh_from_db()
        assert notice.email_attempts == attempt
        assert notice.email_due_at == now + datetime.timedelta(minutes=wait)
        assert notification_email_deliver(notification_id=notice.pk, now=now) == "not due"
        now = notice.email_due_at
    assert notification_email_deliver(notification_id=notice.pk, now=now) == "failed"
    notice.refresh_from_db()
    assert notice.email_attempts == MAX_ATTEMPTS
    assert notice.email_error.startswith("SMTPServerDisconnected")
    assert notification_email_deliver(notification_id=notice.pk, now=now) == "nothing to do"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Recorder:
    def __init__(self, refuse: bool = False):
        self.envelopes = []
        self.refuse = refuse

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "554 Transaction failed"
        self.envelopes.append(envelope)
        return "250 Message accepted"


@pytest.fixture
def smtp_server(settings):
    recorder = Recorder()
    controller = Controller(recorder, hostname="127.0.0.1", port=free_port())
    controller.start()
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": "127.0.0.1",
                "port": controller.port,
                "use_tls": False,
                "timeout": 5,
            },
        }
    }
    yield recorder
    controller.stop()


def test_sending_through_a_real_smtp_server(frozen, smtp_server):
    person = UserFactory(email="tia@example.org")
    notice = send(person)
    assert notification_email_deliver(notification_id=notice.pk) == "sent"
    (envelope,) = smtp_server.envelopes
    assert envelope.rcpt_tos == ["tia@example.org"]
    content = envelope.content.decode()
    assert "multipart/alternative" in content
    assert "List-Unsubscribe: <http://127.0.0.1:8000/notifications/preferences/>" in content


def test_a_server_that_refuses_then_accepts(frozen, smtp_server):
    notice = send(UserFactory())
    smtp_server.refuse = True
    assert notification_email_deliver(notification_id=notice.pk) == "retry"
    smtp_server.refuse = False
    retry_at = NOON + datetime.timedelta(minutes=BACK_OFF_MINUTES[0])
    assert notification_email_deliver(notification_id=notice.pk, now=retry_at) == "sent"
    assert len(smtp_server.envelopes) == 1


def test_a_mail_server_that_is_not_there_is_a_retry_not_a_crash(frozen, settings):
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": free_port(), "use_tls": False, "timeout": 2},
        }
    }
    notice = send(UserFactory())
    assert notification_email_deliver(notification_id=notice.pk) == "retry"
