"""What the worksheet engine holds about a person, for export and erasure (``supervision.privacy``).

A person's entries (worksheets, free reflections, questionnaire results, ratings they gave) are
theirs and are deleted with everything hanging off them (feedback, attachments, files). Ratings
of the person by someone else are about them and are deleted too. Templates they wrote stay:
colleagues and homework may use them, and each entry keeps its own frozen version anyway.
"""

from django.db.models import F

from supervision import privacy
from worksheets.models import Entry, WorksheetTemplate

ENTRY_FIELDS = (
    "id",
    "title",
    "status",
    "answers",
    "reflection",
    "result",
    "version",
    "created_at",
    "updated_at",
    "submitted_at",
    "released_at",
)
TEMPLATE_KEPT = (
    "Templates they wrote may be in use by colleagues and in homework; kept, naming the tombstone."
)


def _entry_rows(entries) -> list[dict]:
    return list(
        entries.annotate(
            worksheet=F("template_version__title"),
            worksheet_version=F("template_version__number"),
        ).values(*ENTRY_FIELDS, "worksheet", "worksheet_version", "subject__display_name")
    )


def entries_written(person) -> list[dict]:
    """Everything the person wrote: drafts too, each with the worksheet version it answers."""
    return _entry_rows(Entry.objects.filter(author=person))


def ratings_received(person) -> list[dict]:
    """Ratings of the person that their raters released to them (unreleased ones are not theirs yet)."""
    released = Entry.objects.filter(subject=person, released_at__isnull=False)
    return [
        {**row, "rater": row.pop("author__display_name")}
        for row in released.values(*ENTRY_FIELDS, "author__display_name")
    ]


def templates_written(person) -> list[dict]:
    return list(
        WorksheetTemplate.objects.filter(owner=person).values(
            "id", "title", "introduction", "topic"
        )
    )


PROVIDER = privacy.Provider(
    app="worksheets",
    holdings=(
        privacy.Holding(
            "worksheets.Entry.author",
            privacy.DELETE,
            "Their own writing: entries, questionnaire results and ratings they gave, with "
            "feedback on them and their attachments.",
        ),
        privacy.Holding("worksheets.Entry.subject", privacy.DELETE, "Ratings of them by others."),
        privacy.Holding("worksheets.WorksheetTemplate.owner", privacy.KEEP, TEMPLATE_KEPT),
        privacy.Holding("worksheets.TemplateVersion.published_by", privacy.KEEP, TEMPLATE_KEPT),
        privacy.Holding("worksheets.WorksheetTemplate.locked_by", privacy.KEEP, TEMPLATE_KEPT),
        *privacy.object_permissions(
            "worksheets.EntryUserObjectPermission",
            "worksheets.WorksheetTemplateUserObjectPermission",
        ),
    ),
    exports=(
        privacy.Export(
            "Worksheet entries, questionnaire results and ratings given", entries_written
        ),
        privacy.Export("Ratings received", ratings_received),
        privacy.Export("Worksheet templates written", templates_written),
    ),
)
