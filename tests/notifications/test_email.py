"""What an e-mail says: the kind, dates in the person's zone, links; never titles, content or pseudonyms."""

import datetime

import pytest
import time_machine
from django.core import mail

from notifications.email import email_lines, email_message
from notifications.models import Notification
from notifications.tasks import notification_email_deliver
from reminders.services import assignment_reminders_send
from tests.factories import UserFactory, make_case, make_supervision
from tests.homework.factories import make_assignment

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_no_title_content_or_pseudonym_reaches_an_email():
    supervisor, supervisee = UserFactory(), UserFactory(timezone="Europe/London")
    with time_machine.travel(datetime.datetime(2026, 11, 28, 12, tzinfo=UTC), tick=False):
        supervision = make_supervision(supervisor, supervisee)
        case = make_case(supervision, pseudonym="Zoé Marchetti")
        assignment = make_assignment(
            supervision,
            title="Formulation for Zoé Marchetti",
            instructions="Map Zoé Marchetti's vicious circle after the panic episode.",
            starts_on=datetime.date(2026, 12, 2),
            case=case,
        )
    reminder_time = datetime.datetime(2026, 12, 1, 9, tzinfo=UTC)
    with time_machine.travel(reminder_time, tick=False):
        assert assignment_reminders_send(assignment_id=assignment.pk) == 1
        for notice in Notification.objects.filter(recipient=supervisee):
            assert "Zoé" in notice.title  # the app may name the homework ...
            notification_email_deliver(notification_id=notice.pk)
    assert len(mail.outbox) == 2
    for message in mail.outbox:  # ... an e-mail never does
        html = message.alternatives[0].content
        for text in (message.subject, message.body, html):
            assert "Zoé" not in text
            assert "Marchetti" not in text
            assert "Formulation" not in text
            assert "panic" not in text
        assert f"/homework/{assignment.pk}/" in message.body
        assert "/notifications/preferences/" in message.body
    subjects = sorted(message.subject for message in mail.outbox)
    assert subjects == ["Homework due soon – CBT Supervision", "New homework – CBT Supervision"]


def test_dates_and_times_are_in_the_recipients_zone():
    person = UserFactory(timezone="Pacific/Auckland")
    notice = Notification(
        recipient=person,
        kind=Notification.Kind.MEETING_SOON,
        title="Supervision meeting",
        url="/meetings/1/",
        facts={"starts": "2026-12-02T20:30:00+00:00"},
    )
    assert email_lines(notice) == [
        "A reminder: you have a supervision meeting on Thursday 3 December 2026 at 09:30 "
        "(Pacific/Auckland)."
    ]


@pytest.mark.parametrize("kind", Notification.Kind.values)
def test_every_kind_has_its_own_words_and_a_text_and_html_part(kind):
    person = UserFactory()
    notice = Notification(
        recipient=person,
        kind=kind,
        title="ignored",
        url="/somewhere/",
        facts={"due_on": "2026-12-02", "date": "2026-12-02"},
    )
    lines = email_lines(notice)
    assert lines and "There is something new for you." not in lines
    message = email_message(notice)
    assert message.alternatives[0].mimetype == "text/html"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
