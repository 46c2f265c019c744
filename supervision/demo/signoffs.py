"""Demo hours sign-off: the first trainee's month before last is signed; last month awaits signature.

Written through the services, so the signed month locks its meetings like any other; running
it again changes nothing.
"""

import datetime

from django.utils import timezone

from supervision.models import HoursSignOff, Supervision, User
from supervision.selectors.signoffs import month_of
from supervision.services.signoffs import signoff_sign, signoff_submit


def seed_signoffs(people: dict[str, User]) -> None:
    supervision = Supervision.objects.get(
        supervisor=people["supervisor"],
        supervisee=people["trainee1"],
        group__isnull=True,
        ended_on__isnull=True,
    )
    this_month = timezone.localdate().replace(day=1)
    last_month = month_of((this_month - datetime.timedelta(days=1)).replace(day=1))
    month_before = month_of((last_month[0] - datetime.timedelta(days=1)).replace(day=1))
    for (starts_on, ends_on), sign in ((month_before, True), (last_month, False)):
        if starts_on < supervision.started_on:
            continue
        held = supervision.hours_signoffs.filter(
            status__in=HoursSignOff.HOLDING, starts_on__lte=ends_on, ends_on__gte=starts_on
        ).exists()
        if (
            held
            or not supervision.attendances.filter(
                meeting__date__range=(starts_on, ends_on)
            ).exists()
        ):
            continue
        signoff = signoff_submit(
            supervision=supervision,
            submitted_by=supervision.supervisee,
            starts_on=starts_on,
            ends_on=ends_on,
            note="All the meetings of the month are in the log.",
        )
        if sign:
            signoff_sign(signoff=signoff, actor=supervision.supervisor)
