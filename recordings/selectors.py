"""Reads for recordings, filtered in the database by the reader's object permissions."""

from django.db.models import Count, Q, QuerySet

from recordings.models import Recording, RecordingComment, RecordingDeletion
from supervision.models import Supervision, User
from supervision.permissions import objects_for_user


def supervisions_to_record_for(user: User) -> QuerySet[Supervision]:
    """The relationships a person may upload a recording for: current ones, as the supervisee."""
    if not user.is_authenticated:
        return Supervision.objects.none()
    return (
        Supervision.objects.active()
        .filter(supervisee=user)
        .select_related("supervisor", "group")
        .order_by("supervisor__display_name", "pk")
    )


def recordings_visible_to(user: User) -> QuerySet[Recording]:
    """Every recording the person holds ``view_recording`` on, newest first."""
    return objects_for_user(
        user, "view_recording", Recording.objects.select_related("owner", "supervision__supervisor")
    ).annotate(comment_count=Count("comments", filter=Q(comments__status="released")))


def own_recordings(user: User) -> QuerySet[Recording]:
    return recordings_visible_to(user).filter(owner=user)


def recordings_to_review(user: User) -> QuerySet[Recording]:
    """Handed-in recordings of others the person may comment on (supervisor or peer)."""
    return (
        objects_for_user(user, "review_recording", Recording.objects.all())
        .exclude(owner=user)
        .filter(handed_in_at__isnull=False)
        .select_related("owner", "supervision__supervisor")
    )


def comments_visible_to(user: User, recording: Recording) -> QuerySet[RecordingComment]:
    """The comments this reader sees on a recording they may view.

    Everyone sees their own comments, drafts included. The owner and the supervisor see every
    released comment; in open peer review every reviewer does; in closed review a peer sees only
    their own (issue 14, item 6). Ordered by time in the recording.
    """
    mine = Q(author_id=user.pk)
    released = Q(status=RecordingComment.Status.RELEASED)
    sees_all = user.pk in (recording.owner_id, recording.supervision.supervisor_id) or (
        recording.review_mode == Recording.ReviewMode.OPEN
    )
    condition = mine | released if sees_all else mine
    return (
        RecordingComment.objects.filter(condition, recording=recording)
        .select_related("author")
        .prefetch_related("replies__author")
    )


def deletions_of(user: User) -> QuerySet[RecordingDeletion]:
    return RecordingDeletion.objects.filter(owner=user)
