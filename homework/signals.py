"""Events of homework, for the apps above it; homework itself knows none of them.

Sent by ``homework.services.assignments`` inside the service's transaction, with
``sender=Assignment``, the ``assignment`` and the ``actor`` (who did it). Receivers run at once
in that transaction; work that must wait for the commit (a background task) is deferred with
``transaction.on_commit``.

Subscribers connect in their app's ``AppConfig.ready()`` with the ``dispatch_uid`` named here
(tests/homework/test_signals.py checks that each one is connected):

``assignment_changed``: ``assignment``, ``actor``; homework was set, proposed, edited (its due
    dates may have moved), accepted or dropped. ``assignment.version`` is the new version.
    - ``reminders.assignment_changed``: queue reminders and the nudge for the new due dates;
      those queued for an older version do nothing when they run.
"""

from django.dispatch import Signal

assignment_changed = Signal()
