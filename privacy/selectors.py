"""Reads of the privacy app: a person's exports, and the read audit searched by administrators."""

from datetime import date, datetime, time, timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from privacy.models import DataExport
from supervision.models import ReadRecord, User

RECENT_EXPORTS = 5


def exports_of(person) -> list[DataExport]:
    return list(DataExport.objects.filter(person=person)[:RECENT_EXPORTS])


def audit_search(
    *, person: str = "", date_from: date | None = None, date_to: date | None = None
) -> QuerySet[ReadRecord]:
    """Read records where ``person`` (part of a name or e-mail address) read or owned, in the period.

    Dates are whole days in the current time zone, both ends included. Reader and owner come
    with the rows (one query for any number of rows).
    """
    records = ReadRecord.objects.select_related("reader", "owner")
    if person:
        matches = (
            Q(display_name__icontains=person)
            | Q(email__icontains=person)
            | Q(first_name__icontains=person)
            | Q(last_name__icontains=person)
        )
        people = User.objects.filter(matches).values("pk")
        records = records.filter(Q(reader__in=people) | Q(owner__in=people))
    if date_from:
        records = records.filter(at__gte=_day_start(date_from))
    if date_to:
        records = records.filter(at__lt=_day_start(date_to + timedelta(days=1)))
    return records


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))
