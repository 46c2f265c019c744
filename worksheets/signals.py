"""Events of the worksheet engine, for the apps above it; the engine itself knows none of them.

Every event is sent by a service in ``worksheets.services.entries``, inside that service's
transaction, with ``sender=Entry``, the ``entry`` and the ``actor`` (the person who did it).
Receivers run at once and in the same transaction: whatever they write is committed or rolled
back with the entry, and an error in one undoes the whole action. A receiver whose work must
not happen unless the action is committed (an e-mail, a file, a background task) defers it
with ``transaction.on_commit``. A receiver reads its own app's one-to-one link to the entry
from the entry (``entry.occurrence``, ``entry.lesson_exercise``): the edit page loads them with
it (``worksheets.selectors.entries.own_entry_with_links``), so an entry without one costs no
query.

Subscribers connect in their app's ``AppConfig.ready()`` with the ``dispatch_uid`` named here
(tests/worksheets/test_signals.py checks that each one is connected):

``entry_submitted``: ``entry``, ``actor`` (the author), handed in and no longer editable.
    - ``homework.entry_submitted``: a homework entry goes to the supervisor (read permission,
      the assignment done when every occurrence is in, a notice).
    - ``courses.entry_submitted``: an entry started from a lesson's exercise completes the lesson.
    - ``recordings.entry_submitted``: a recording-analysis self-review hands in the recordings
      uploaded for it (the supervisor may review and rate them, a notice).
    - ``pathways.entry_submitted``: a pathway step handed in queues the release of the steps
      that wait for it (background worker).

``entry_reopened``: ``entry``, ``actor`` (who reopened it), editable again by its author.
    No subscriber yet (homework reopens entries itself and sends its own notice).

``entry_shared`` / ``entry_unshared``: ``entry``, ``actor`` (the author), ``reader`` (the
    supervisor who may now, or may no longer, read it).
    No subscriber yet.
"""

from django.dispatch import Signal

entry_submitted = Signal()
entry_reopened = Signal()
entry_shared = Signal()
entry_unshared = Signal()
