"""Events of supervision relationships, for the apps above; supervision itself knows none of them.

Both are sent by ``supervision.services.relationships`` inside the service's transaction, with
``sender=Supervision``, the ``supervision`` and the ``actor`` (the person who started or ended
it, or None when the system did). Receivers run at once and in the same transaction: an error
in one undoes the whole action. Work that must wait for the commit (an e-mail, a background
task) is deferred with ``transaction.on_commit``.

The meeting event below is sent by ``supervision.services.meetings`` (``meeting_create``,
``meeting_update``, ``meeting_delete``) with ``sender=Meeting``, the ``meeting`` and the
``actor``; after a deletion ``meeting.pk`` is None and ``meeting_id`` names the one deleted.

Subscribers connect in their app's ``AppConfig.ready()`` with the ``dispatch_uid`` named here
(tests/supervision/test_signals.py checks that each one is connected):

``supervision_started``: ``supervision``, ``actor``; the relationship runs from
    ``supervision.started_on``.
    No subscriber yet.

``supervision_ended``: ``supervision``, ``actor``; ``supervision.ended_on`` is set. Ending stops
    the supervisor's access to anything new; past records stay readable (DESIGN.md).
    - ``homework.supervision_ended``: the supervisor no longer edits, accepts, drops or reopens
      the relationship's homework, and neither person records reviews or starts entries for it.
    - ``recordings.supervision_ended``: the supervisor keeps reading the relationship's
      recordings but no longer comments on or rates them; a member who left a group no longer
      reviews the other members' recordings.

``meeting_planned``: ``meeting``, ``meeting_id``, ``actor``; a meeting was recorded, changed
    (date, time, who attends) or deleted.
    - ``reminders.meeting_planned``: queue (or re-queue) the reminder the day before.

``hours_signoff_changed``: ``signoff``, ``event``, ``actor``; sent by
    ``supervision.services.signoffs`` with ``sender=HoursSignOff``, once per change of state
    (a repeated click changes nothing and sends nothing). ``event`` is the new state:
    ``"submitted"``, ``"withdrawn"``, ``"signed"``, ``"returned"`` or ``"reopened"``.
    - ``notifications.hours_signoff_changed``: tell the supervisor a period awaits signature,
      and the supervisee that it was signed or returned.
"""

from django.dispatch import Signal

supervision_started = Signal()
supervision_ended = Signal()
meeting_planned = Signal()
hours_signoff_changed = Signal()
