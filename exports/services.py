"""Asking for an export; the worker (exports.tasks) records its progress with exports.progress."""

from django.db import IntegrityError, transaction

from exports.models import Export, params_key
from exports.tasks import build_export
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

    transaction.on_commit(lambda: build_export.enqueue(export_id=export.pk))
    return export
