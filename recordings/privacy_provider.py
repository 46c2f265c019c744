"""What recordings hold about a person, for export and erasure (``supervision.privacy``).

A recording is its owner's (a session they recorded, with their self-review); it goes with
them, file included. Comments and replies they wrote on someone else's recording are part of
that person's review and stay, naming the tombstone.
"""

from recordings.models import Recording, RecordingComment, RecordingCommentReply
from supervision import privacy

PART_OF_ANOTHERS_REVIEW = "Part of the review of someone's recording; kept, naming the tombstone."


def recordings(person) -> list[dict]:
    return list(
        Recording.objects.filter(owner=person).values(
            "id",
            "kind",
            "description",
            "consent_by",
            "consent_method",
            "consent_on",
            "consent_use",
            "file_name",
            "duration_seconds",
            "delete_by",
            "review_mode",
            "created_at",
        )
    )


def comments(person) -> list[dict]:
    return list(
        RecordingComment.objects.filter(author=person).values(
            "id", "recording_id", "seconds", "body", "status", "created_at"
        )
    )


def replies(person) -> list[dict]:
    return list(
        RecordingCommentReply.objects.filter(author=person).values(
            "id", "comment_id", "body", "created_at"
        )
    )


def recording_files(person):
    """The person's own recordings, as ``(name in the ZIP, FieldFile)``."""
    for recording in Recording.objects.filter(owner=person).exclude(file=""):
        yield f"{recording.pk}-{recording.file.name.rsplit('/', 1)[-1]}", recording.file


PROVIDER = privacy.Provider(
    app="recordings",
    holdings=(
        privacy.Holding(
            "recordings.Recording.owner",
            privacy.DELETE,
            "Their own recordings, with comments on them; the files are removed after the erasure.",
        ),
        privacy.Holding(
            "recordings.RecordingUpload.owner",
            privacy.DELETE,
            "Uploads they had not finished.",
        ),
        privacy.Holding(
            "recordings.RecordingDeletion.owner",
            privacy.DELETE,
            "The record of their recordings deleted on their delete-by date.",
        ),
        privacy.Holding(
            "recordings.RecordingComment.author", privacy.KEEP, PART_OF_ANOTHERS_REVIEW
        ),
        privacy.Holding(
            "recordings.RecordingCommentReply.author", privacy.KEEP, PART_OF_ANOTHERS_REVIEW
        ),
        *privacy.object_permissions("recordings.RecordingUserObjectPermission"),
    ),
    exports=(
        privacy.Export("Recordings", recordings, files=recording_files),
        privacy.Export("Comments on recordings", comments),
        privacy.Export("Replies on recordings", replies),
    ),
)
