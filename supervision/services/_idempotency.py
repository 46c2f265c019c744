"""Double submits: a form carries a one-time key, and a second save with the same key changes nothing."""

import uuid
from collections.abc import Callable

from django.db import IntegrityError, models, transaction


def existing_submission[M: models.Model](
    model: type[M], key: uuid.UUID | None, **owned_by
) -> M | None:
    if key is None:
        return None
    return model.objects.filter(submission_key=key, **owned_by).first()


def save_once[M: models.Model](obj: M, save: Callable[[], None], **owned_by) -> M:
    """Save, or return what an earlier request with the same key already saved."""
    try:
        with transaction.atomic():
            save()
    except IntegrityError:
        earlier = existing_submission(type(obj), obj.submission_key, **owned_by)
        if earlier is None:
            raise
        return earlier
    return obj
