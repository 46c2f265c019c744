"""Receivers of the events of the floors below; each only hands over to a homework service.

They are connected in ``HomeworkConfig.ready()``; the senders' docstrings list them.
"""

from homework.services.assignments import supervision_homework_close
from homework.services.entries import homework_entry_submitted


def entry_submitted(sender, *, entry, **kwargs):
    """worksheets.signals.entry_submitted: a homework entry goes to the supervisor."""
    homework_entry_submitted(entry=entry)


def supervision_ended(sender, *, supervision, **kwargs):
    """supervision.signals.supervision_ended: nothing new is agreed, done or reviewed in it."""
    supervision_homework_close(supervision=supervision)
