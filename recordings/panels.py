"""What recordings adds to supervision's pages (registered in ``RecordingsConfig.ready()``)."""

from django.db.models import Count, Exists, OuterRef, Q

from recordings.models import Recording, RecordingComment
from recordings.selectors import recordings_to_review
from supervision.models import User
from supervision.permissions import objects_for_user


def supervision_recordings(request, *, supervision, **objects) -> dict | None:
    """The relationship page: the recordings of this supervision the viewer may open."""
    recordings = list(
        objects_for_user(
            request.user, "view_recording", Recording.objects.filter(supervision=supervision)
        )
        .annotate(comment_count=Count("comments", filter=Q(comments__status="released")))
        .order_by("-created_at")[:10]
    )
    is_supervisee = supervision.supervisee_id == request.user.pk
    if not recordings and not is_supervisee:
        return None
    return {"recordings": recordings, "supervision": supervision, "is_supervisee": is_supervisee}


# What the meeting record's list shows of each recording.
MEETING_ROW_COLUMNS = (
    "description",
    "kind",
    "duration_seconds",
    "handed_in_at",
    "delete_by",
    "supervision__started_on",
    "supervision__ended_on",
    *User.name_columns("owner"),
)


def meeting_recordings(request, *, meeting, **objects) -> dict | None:
    """The meeting record: the recordings reviewed at this meeting that the viewer may open."""
    recordings = list(
        objects_for_user(
            request.user,
            "view_recording",
            # What the row shows (recordings/includes/_recording_row.html), not the file's or the
            # consent's columns. The supervision is joined for its dates: a row not handed in
            # says whether it still can be, and read by itself that was a query per row.
            meeting.recordings.select_related("owner", "supervision").only(*MEETING_ROW_COLUMNS),
        )
        .annotate(comment_count=Count("comments", filter=Q(comments__status="released")))
        .order_by("created_at")
    )
    return {"recordings": recordings} if recordings else None


def dashboard_awaiting(request, **objects) -> dict | None:
    """The supervisor's dashboard: handed-in recordings without a released comment of theirs."""
    # One EXISTS over one comment: the two conditions of an exclude() across a relation may
    # match two different comments, which hid a recording from a supervisor whose comment was
    # still a draft once the trainee's own self-review comments were released.
    released_by_viewer = RecordingComment.objects.filter(
        recording=OuterRef("pk"), author=request.user, status=RecordingComment.Status.RELEASED
    )
    awaiting = list(
        recordings_to_review(request.user)
        .filter(supervision__supervisor=request.user)
        .exclude(Exists(released_by_viewer))
        # The list shows the title (from the description), who handed it in and when.
        .select_related(None)
        .select_related("owner")
        .only("description", "handed_in_at", *User.name_columns("owner"))
        .order_by("handed_in_at")[:10]
    )
    if not awaiting:
        return None
    return {"awaiting_recordings": awaiting}
