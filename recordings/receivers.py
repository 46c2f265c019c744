"""Receivers of the events of the floors below; each only hands over to a recordings service.

They are connected in ``RecordingsConfig.ready()``; the senders' docstrings list them.
"""

from recordings.services import recordings_entry_submitted, recordings_supervision_ended


def entry_submitted(sender, *, entry, **kwargs):
    """worksheets.signals.entry_submitted: a self-review hands in its recordings."""
    recordings_entry_submitted(entry=entry)


def supervision_ended(sender, *, supervision, **kwargs):
    """supervision.signals.supervision_ended: the supervisor stops reviewing, a leaver stops too."""
    recordings_supervision_ended(supervision=supervision)
