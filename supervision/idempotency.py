"""Double clicks, two tabs and simultaneous requests: a create form's one-time key creates once.

The one mechanism every create form of the product uses (STYLE.md: "one idempotency key for create
forms"). A form carries a fresh key in a hidden field (`supervision.forms.SubmissionKeyMixin`, or
`{% submission_key %}` from `supervision_tags` for a form without a Django form class); the view
wraps its service call in `create_once`, which claims the key in the `SubmissionKey` table in the
same transaction as the creation. A second request with the same key, sent after the first or at
the same moment, gets what the first created, so the view answers with the same redirect.
"""

import uuid
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, models, transaction
from django.http import HttpRequest

from supervision.models import SubmissionKey

FIELD = "submission_key"


def submission_key_of(request: HttpRequest) -> uuid.UUID | None:
    """The one-time key a POST carried, or None when it carried none or something else."""
    try:
        return uuid.UUID(str(request.POST.get(FIELD, "")))
    except ValueError:
        return None


def create_once[M: models.Model](request: HttpRequest, create: Callable[[], M]) -> M:
    """Run `create` once per (person, key); a repeat returns what the first run created.

    `create` calls a service and returns the object created (a model instance with a pk). Raised
    errors (ValidationError, PermissionDenied) pass through and leave the key unused, so the
    person can correct the form and send it again. Without a key, `create` simply runs.
    """
    key = submission_key_of(request)
    if key is None or not request.user.is_authenticated:
        return create()
    earlier = _created_with(request.user, key)
    if earlier is not None:
        return earlier
    try:
        with transaction.atomic():
            claim = SubmissionKey.objects.create(person=request.user, key=key)
            created = create()
            claim.content_type = ContentType.objects.get_for_model(created)
            claim.object_id = str(created.pk)
            claim.save(update_fields=["content_type", "object_id"])
    except IntegrityError:
        # Another request claimed the key first and has committed (PostgreSQL made this one wait
        # on the unique index; SQLite's immediate transactions queue writers).
        earlier = _created_with(request.user, key)
        if earlier is None:
            raise
        return earlier
    return created


def _created_with(person, key: uuid.UUID) -> models.Model | None:
    claim = SubmissionKey.objects.filter(person=person, key=key).first()
    if claim is None:
        return None
    created = claim.created
    if created is None:
        # What the key created was deleted since: the key may create again.
        claim.delete()
    return created
