"""What exports hold about a person, for export and erasure (``supervision.privacy``).

A PDF made for a person is theirs alone (it may hold their hours and their supervisor's
sign-off): erasure deletes it with its file.
"""

from exports.models import Export
from supervision import privacy


def pdfs_made(person) -> list[dict]:
    return list(
        Export.objects.filter(owner=person).values(
            "title", "document", "status", "pages", "created_at", "finished_at"
        )
    )


PROVIDER = privacy.Provider(
    app="exports",
    holdings=(
        privacy.Holding(
            "exports.Export.owner", privacy.DELETE, "PDFs made for them, with their files."
        ),
        *privacy.object_permissions("exports.ExportUserObjectPermission"),
    ),
    exports=(privacy.Export("PDFs made", pdfs_made),),
)
