"""Who may give, read and answer feedback; the permissions themselves are granted in services.

Feedback follows DESIGN.md's table: a draft is its supervisor's alone; released feedback is read
and answered by the entry's author too. Nobody else sees either, not a supervisor's own
supervisor, not course staff, not an administrator: every check goes through
``supervision.permissions``, which gives superusers no shortcut.
"""

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from supervision.models import Supervision
from supervision.viewer import Viewer
from worksheets.models import Entry

FEEDBACK_WRITER_PERMS = ("view_feedback", "change_feedback", "delete_feedback")
FEEDBACK_DRAFT_ONLY_PERMS = ("delete_feedback",)
FEEDBACK_READER_PERMS = ("view_feedback",)


def supervising_relationships(supervisor_ref, supervisee_ref, submitted_on_ref):
    """Relationships that let a supervisor comment: current now, or current when it was submitted.

    An entry written during a relationship that has since ended can still get its feedback; a
    current supervisor can comment on older self-practice the supervisee chose to share.
    """
    today = timezone.localdate()
    current_now = Q(started_on__lte=today) & (Q(ended_on__isnull=True) | Q(ended_on__gt=today))
    current_then = Q(started_on__lte=submitted_on_ref) & (
        Q(ended_on__isnull=True) | Q(ended_on__gt=submitted_on_ref)
    )
    return Supervision.objects.filter(
        current_now | current_then, supervisor=supervisor_ref, supervisee=supervisee_ref
    )


def supervises_author_of(user, entry: Entry) -> bool:
    if entry.submitted_at is None:
        return False
    submitted_on = timezone.localdate(entry.submitted_at)
    return supervising_relationships(user.pk, entry.author_id, submitted_on).exists()


def may_give_feedback(viewer: Viewer, entry: Entry) -> bool:
    """A supervisor of the author who can read this submitted entry may comment on it."""
    user = viewer.user
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if entry.status != Entry.Status.SUBMITTED or entry.author_id == user.pk:
        return False
    if not viewer.has_perm("view_entry", entry):
        return False
    return viewer.remember(
        ("supervises_author_of", entry.pk), lambda: supervises_author_of(user, entry)
    )


def supervised_entries(supervisor) -> Exists:
    """For annotating entries: the supervisor may comment on each (relationship part only)."""
    return Exists(
        supervising_relationships(supervisor.pk, OuterRef("author_id"), OuterRef("submitted_on"))
    )
