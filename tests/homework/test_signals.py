"""Homework's events: connected to exactly the subscribers its docstring lists."""

from homework import signals
from tests.signals import connected, documented


def test_the_docstring_lists_every_connected_subscriber():
    assert connected(signals.assignment_changed) == documented(signals, "assignment_changed")
    assert documented(signals, "assignment_changed") == {"reminders.assignment_changed"}
