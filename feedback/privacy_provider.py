"""What feedback holds about a person, for export and erasure (``supervision.privacy``).

Feedback a supervisor gave is part of the supervisee's record of their entry: it is kept under
the tombstone name (feedback on the erased person's own entries goes with those entries).
Replies belong to a thread two people share, so they are kept too.
"""

from django.db.models import Q

from feedback.models import Feedback, FeedbackReply
from supervision import privacy

KEPT = "Part of the thread on another person's entry; kept, naming the tombstone."


def feedback_given_and_received(person) -> list[dict]:
    """Feedback the person wrote (drafts too), and released feedback on their own entries."""
    rows = Feedback.objects.filter(
        Q(author=person) | Q(entry__author=person, status=Feedback.Status.RELEASED)
    ).values(
        "id",
        "entry_id",
        "anchor",
        "body",
        "attachment_name",
        "status",
        "released_at",
        "created_at",
        "edited_at",
        "author__display_name",
    )
    return list(rows)


def replies(person) -> list[dict]:
    """Replies the person wrote, and replies in threads on their own entries."""
    return list(
        FeedbackReply.objects.filter(
            Q(author=person)
            | Q(feedback__entry__author=person, feedback__status=Feedback.Status.RELEASED)
        ).values("id", "feedback_id", "body", "created_at", "author__display_name")
    )


PROVIDER = privacy.Provider(
    app="feedback",
    holdings=(
        privacy.Holding("feedback.Feedback.author", privacy.KEEP, KEPT),
        privacy.Holding("feedback.FeedbackRevision.edited_by", privacy.KEEP, KEPT),
        privacy.Holding("feedback.FeedbackReply.author", privacy.KEEP, KEPT),
        *privacy.object_permissions("feedback.FeedbackUserObjectPermission"),
    ),
    exports=(
        privacy.Export("Feedback", feedback_given_and_received),
        privacy.Export("Replies to feedback", replies),
    ),
)
