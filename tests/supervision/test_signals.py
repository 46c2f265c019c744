"""The relationship events: connected to exactly the subscribers their docstring lists, and sent."""

import pytest

from supervision import signals
from supervision.services.relationships import supervision_end, supervision_start
from tests.factories import UserFactory
from tests.signals import connected, documented


@pytest.mark.parametrize(
    "name",
    [
        "supervision_started",
        "supervision_ended",
        "meeting_planned",
        "hours_signoff_changed",
    ],
)
def test_the_docstring_lists_every_connected_subscriber(name):
    assert connected(getattr(signals, name)) == documented(signals, name)


def test_homework_closes_when_a_supervision_ends():
    assert documented(signals, "supervision_ended") == {
        "homework.supervision_ended",
        "recordings.supervision_ended",
    }


@pytest.mark.django_db
def test_start_and_end_are_sent_with_the_relationship_and_the_actor():
    supervisor, supervisee, administrator = UserFactory(), UserFactory(), UserFactory()
    heard = []

    def listen(sender, signal, **kwargs):
        heard.append((signal, kwargs["supervision"].pk, kwargs["actor"]))

    for signal in (signals.supervision_started, signals.supervision_ended):
        signal.connect(listen, dispatch_uid="test.listen")
    try:
        supervision = supervision_start(
            supervisor=supervisor, supervisee=supervisee, actor=administrator
        )
        supervision_end(supervision=supervision, actor=administrator)
    finally:
        for signal in (signals.supervision_started, signals.supervision_ended):
            signal.disconnect(dispatch_uid="test.listen")
    assert heard == [
        (signals.supervision_started, supervision.pk, administrator),
        (signals.supervision_ended, supervision.pk, administrator),
    ]


def test_reminders_hear_of_planned_meetings():
    assert documented(signals, "meeting_planned") == {"reminders.meeting_planned"}


def test_notifications_hear_of_hours_signoffs():
    assert documented(signals, "hours_signoff_changed") == {"notifications.hours_signoff_changed"}
