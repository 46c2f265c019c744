"""Starting and ending supervision relationships, with the permissions that come with them."""

import datetime

from django.db import transaction
from django.utils import timezone

from supervision.models import Supervision, User
from supervision.permissions import grant

SUPERVISION_PERMS = ("view_supervision",)


@transaction.atomic
def supervision_start(
    *,
    supervisor: User,
    supervisee: User,
    kind: str = Supervision.Kind.CLINICAL,
    format: str = Supervision.Format.INDIVIDUAL,
    started_on: datetime.date | None = None,
) -> Supervision:
    supervision = Supervision(
        supervisor=supervisor,
        supervisee=supervisee,
        kind=kind,
        format=format,
        started_on=started_on or timezone.localdate(),
    )
    supervision.full_clean()
    supervision.save()
    grant(supervisor, SUPERVISION_PERMS, supervision)
    grant(supervisee, SUPERVISION_PERMS, supervision)
    return supervision


@transaction.atomic
def supervision_end(
    *, supervision: Supervision, ended_on: datetime.date | None = None
) -> Supervision:
    # Both parties keep reading the relationship's past records, so view permission stays.
    supervision = Supervision.objects.select_for_update().get(pk=supervision.pk)
    supervision.ended_on = ended_on or timezone.localdate()
    supervision.full_clean()
    supervision.save(update_fields=["ended_on"])
    return supervision
