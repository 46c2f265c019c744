"""Loading the bundled library; templates already loaded are left as course staff have edited them."""

from django.db import transaction

from worksheets.library import LIBRARY
from worksheets.models import WorksheetTemplate
from worksheets.services.templates import library_curators_ensure, worksheet_template_create


@transaction.atomic
def library_load(*, templates: list[dict] = LIBRARY) -> list[WorksheetTemplate]:
    """Create and publish each bundled template that is not there yet; return the ones created."""
    library_curators_ensure()
    existing = set(
        WorksheetTemplate.objects.filter(library_key__in=[t["key"] for t in templates]).values_list(
            "library_key", flat=True
        )
    )
    created = []
    for template in templates:
        if template["key"] in existing:
            continue
        created.append(
            worksheet_template_create(
                title=template["title"],
                topic=template["topic"],
                introduction=template["introduction"],
                body=template["body"],
                scoring=template.get("scoring"),
                library_key=template["key"],
                publish=True,
            )
        )
    return created
