"""The worker's writes: how far an export has got, and its file or its failure."""

from django.core.files.base import ContentFile
from django.utils import timezone

from exports.models import Export


def export_progress(export: Export, percent: int, stage: str) -> None:
    """Record how far the worker has got (its own short transaction, so the person sees it)."""
    Export.objects.filter(pk=export.pk).update(
        status=Export.Status.RUNNING, progress=max(0, min(percent, 99)), stage=stage[:120]
    )


def export_finish(export: Export, *, content: bytes, filename: str, pages: int) -> Export:
    export.file.save(f"export-{export.pk}.pdf", ContentFile(content), save=False)
    export.filename = filename
    export.pages = pages
    export.status = Export.Status.DONE
    export.progress = 100
    export.stage = "Ready"
    export.finished_at = timezone.now()
    export.save()
    return export


def export_fail(export: Export, reason: str) -> None:
    Export.objects.filter(pk=export.pk).update(
        status=Export.Status.FAILED,
        stage="Failed",
        error=reason[:2000],
        finished_at=timezone.now(),
    )
