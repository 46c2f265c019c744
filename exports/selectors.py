"""Reading exports: one's own, newest first."""

from django.db.models import QuerySet

from exports.models import Export, params_key
from supervision.permissions import objects_for_user


def exports_of(user) -> QuerySet[Export]:
    """The exports the person may read (their own), newest first, filtered in the database."""
    return objects_for_user(user, "view_export", Export.objects.all()).order_by(
        "-created_at", "-pk"
    )


def latest_export(user, *, document: str, params: dict) -> Export | None:
    return exports_of(user).filter(document=document, params_key=params_key(params)).first()
