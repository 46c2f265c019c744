"""What homework holds about a person, for export and erasure (``supervision.privacy``).

Assignments and reviews belong to a relationship and are the supervisor's record, so they are
kept under the tombstone name; the entries done for them go with the author's entries
(``worksheets``), and attachments with them, files included.
"""

from django.db.models import Q

from homework.models import Assignment, EntryAttachment, Review
from homework.services.assignments import ASSIGNMENT_FIELDS
from homework.services.reviews import REVIEW_FIELDS
from supervision import privacy

KEPT = "Part of the relationship's homework record; kept, naming the tombstone."


def assignments(person) -> list[dict]:
    return list(
        Assignment.objects.filter(
            Q(supervision__supervisee=person) | Q(supervision__supervisor=person)
        ).values(
            "id",
            *ASSIGNMENT_FIELDS,
            "status",
            "created_at",
            "supervision__supervisor__display_name",
            "supervision__supervisee__display_name",
        )
    )


def reviews(person) -> list[dict]:
    return list(
        Review.objects.filter(
            Q(assignment__supervision__supervisee=person)
            | Q(assignment__supervision__supervisor=person)
        ).values("id", "assignment_id", *REVIEW_FIELDS)
    )


def attachment_rows(person) -> list[dict]:
    return list(
        EntryAttachment.objects.filter(entry__author=person).values(
            "id", "entry_id", "name", "content_type", "size", "created_at"
        )
    )


def attachment_files(person):
    """The files handed in with the person's own entries, as ``(name in the ZIP, FieldFile)``."""
    for attachment in EntryAttachment.objects.filter(entry__author=person):
        yield f"{attachment.pk}-{attachment.name}", attachment.file


PROVIDER = privacy.Provider(
    app="homework",
    holdings=(
        privacy.Holding(
            "homework.EntryAttachment.uploaded_by",
            privacy.DELETE,
            "Files they handed in with their entries; the files are removed after the erasure.",
        ),
        privacy.Holding("homework.Assignment.proposed_by", privacy.KEEP, KEPT),
        privacy.Holding("homework.Review.recorded_by", privacy.KEEP, KEPT),
        privacy.Holding("homework.Reopening.reopened_by", privacy.KEEP, KEPT),
        *privacy.object_permissions("homework.AssignmentUserObjectPermission"),
    ),
    exports=(
        privacy.Export("Homework", assignments),
        privacy.Export("Homework reviews", reviews),
        privacy.Export("Attachments", attachment_rows, files=attachment_files),
    ),
)
