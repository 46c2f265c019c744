"""Asking for an export of one's own data, and claiming its single download."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from privacy.models import DataExport
from privacy.tasks import export_build_task


def export_request(*, person) -> DataExport:
    """Queue a new export of ``person``'s data, or return the one already being prepared.

    Two clicks or two tabs give one export (a partial unique constraint); the build is queued
    once the request is committed.
    """
    try:
        with transaction.atomic():
            export = DataExport.objects.create(person=person)
    except IntegrityError:
        return DataExport.objects.get(person=person, status__in=DataExport.IN_PROGRESS)
    transaction.on_commit(lambda: export_build_task.enqueue(export_id=export.pk))
    return export


EXPIRED = "This export has expired. Prepare a new one below."
ALREADY_DOWNLOADED = "This export has already been downloaded once. Prepare a new one below."
NOT_READY = "This export is not ready yet."


@transaction.atomic
def export_download_claim(*, export: DataExport, now=None) -> DataExport:
    """Mark the export downloaded, if it may still be; ValidationError with the reason if not.

    The row is locked, so two simultaneous downloads give the file once.
    """
    now = now or timezone.now()
    export = DataExport.objects.select_for_update().get(pk=export.pk)
    if export.status == DataExport.Status.DOWNLOADED:
        raise ValidationError(ALREADY_DOWNLOADED, code="downloaded")
    if export.status == DataExport.Status.EXPIRED or (
        export.status == DataExport.Status.READY and not export.is_downloadable(now)
    ):
        raise ValidationError(EXPIRED, code="expired")
    if export.status != DataExport.Status.READY:
        raise ValidationError(NOT_READY, code="not_ready")
    export.status = DataExport.Status.DOWNLOADED
    export.downloaded_at = now
    export.save(update_fields=["status", "downloaded_at"])
    return export
