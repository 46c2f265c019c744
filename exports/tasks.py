"""The worker's side of an export: build the document, report progress, keep the file."""

import logging

from django.tasks import task

from exports import documents
from exports.models import Export
from exports.pdf import Rendering
from exports.progress import export_fail, export_finish, export_progress

logger = logging.getLogger(__name__)


@task
def build_export(*, export_id: int) -> None:
    export = Export.objects.filter(pk=export_id, status=Export.Status.QUEUED).first()
    if export is None:
        return  # already built (a task delivered twice) or deleted
    try:
        export_progress(export, 5, "Collecting the records")
        template_name, context, filename = documents.get(export.document).build(
            export, lambda percent, stage: export_progress(export, percent, stage)
        )
        export_progress(export, 40, "Laying out the pages")
        rendering = Rendering(template_name, context)
        pages = rendering.layout()
        export_progress(export, 80, f"Writing {pages} pages")
        content = rendering.write()
    except Exception as error:
        logger.exception("Export %s failed", export_id)
        export_fail(export, f"{type(error).__name__}: {error}")
        return
    export_finish(export, content=content, filename=filename, pages=pages)
