"""Asking for an export and recording the worker's progress; the worker itself is exports.tasks."""

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.utils import timezone

from exports.models import Export, params_key
from supervision.models import User
from supervision.permissions import grant

OWNER_PERMS = ("view_export",)


@transaction.atomic
def export_request(*, owner: User, document: str, params: dict, title: str) -> Export:
    """An export queued for the worker, or the one already queued or running for the same thing.

    Double clicks and two tabs get the same export: one unfinished export per owner, document
    and parameters (a database constraint). The task is enqueued once the row is committed.
    """
    key = params_key(params)
    unfinished = Export.objects.filter(
        owner=owner, document=document, params_key=key, status__in=Export.UNFINISHED
    )
    existing = unfinished.first()
    if existing is not None:
        return existing
    export = Export(owner=owner, document=document, params=params, params_key=key, title=title)
    try:
        with transaction.atomic():
            export.save()
    except IntegrityError:
        return unfinished.get()
    grant(owner, OWNER_PERMS, export)

    from exports.tasks import build_export  # the task module imports this one

    transaction.on_commit(lambda: build_export.enqueue(export_id=export.pk))
    return export


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
