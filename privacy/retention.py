"""Retention: how long untouched drafts, read records and export files are kept (issue 13, item 5).

The periods are days in ``settings.PRIVACY_RETENTION``; a period of ``None`` keeps that kind for
ever. ``export_files_hours`` is how long a prepared export may be downloaded (once). ``retention_apply`` removes what is older, records what it removed as a ``RetentionRun``,
and removes files after the commit. It runs daily (``privacy.tasks.retention_daily``) and from
``manage.py privacy_retention``. Only drafts are ever removed: what was submitted stays.
"""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from privacy.deletion import delete_with_files
from privacy.models import DataExport, RetentionRun
from supervision.models import ReadRecord
from worksheets.models import Entry

DEFAULT_RETENTION = {
    "untouched_drafts_days": 730,
    "read_records_days": 730,
    # Hours a prepared export may be downloaded (once); its file is removed after that.
    "export_files_hours": 72,
}


def retention_periods() -> dict[str, int | None]:
    """The configured periods in days, with the defaults for any not set."""
    return {**DEFAULT_RETENTION, **getattr(settings, "PRIVACY_RETENTION", {})}


@transaction.atomic
def retention_apply(*, now=None) -> RetentionRun:
    """Remove what has outlived its period; returns the run with ``removed`` = {kind: count}.

    Drafts count as untouched from their last save (``updated_at``); a reopened entry is never
    a draft in this sense (it holds submitted work). Export files go once downloaded or expired;
    the export's row stays, marked expired, with its file removed after the commit.
    """
    now = now or timezone.now()
    periods = retention_periods()
    removed = {"untouched_drafts": 0, "read_records": 0, "export_files": 0}

    if periods["untouched_drafts_days"] is not None:
        cutoff = now - timedelta(days=periods["untouched_drafts_days"])
        drafts = Entry.objects.filter(status=Entry.Status.DRAFT, updated_at__lt=cutoff)
        removed["untouched_drafts"] = delete_with_files(drafts).get(Entry._meta.label, 0)

    if periods["read_records_days"] is not None:
        cutoff = now - timedelta(days=periods["read_records_days"])
        removed["read_records"] = ReadRecord.objects.filter(at__lt=cutoff).delete()[0]

    # An export is downloaded once, within its period; after either its file has no use.
    finished = DataExport.objects.filter(
        Q(status=DataExport.Status.DOWNLOADED)
        | Q(status=DataExport.Status.READY, expires_at__lt=now)
    )
    names = list(finished.exclude(file="").values_list("file", flat=True))
    removed["export_files"] = len(names)
    finished.update(status=DataExport.Status.EXPIRED, file="")
    storage = DataExport._meta.get_field("file").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in names])

    return RetentionRun.objects.create(ran_at=now, removed=removed)
