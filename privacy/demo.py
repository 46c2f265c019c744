"""Demo data of the privacy app: the supervisors have read what their trainees shared with them.

So that a trainee signing in to the demo sees "Read by Dr Maren Holt, …" under their shared
entries and on /privacy/reads/. Safe to run again: a read already recorded is not added twice.
"""

from datetime import timedelta

from django.db.models import F
from django.utils import timezone

from supervision.models import ReadRecord
from worksheets.models import Entry, EntryUserObjectPermission


def seed_privacy(people: dict) -> int:
    """Record one read per shared, submitted entry and reader; returns how many were added."""
    shared = (
        EntryUserObjectPermission.objects.filter(
            permission__codename="view_entry",
            content_object__status=Entry.Status.SUBMITTED,
            content_object__subject__isnull=True,
        )
        .exclude(user_id=F("content_object__author_id"))
        .select_related("content_object")
    )
    already = set(
        ReadRecord.objects.filter(subject="worksheets.entry").values_list("reader_id", "object_id")
    )
    now = timezone.now()
    added = [
        ReadRecord(
            reader_id=grant.user_id,
            owner_id=grant.content_object.author_id,
            subject="worksheets.entry",
            object_id=grant.content_object_id,
            path=f"/worksheets/entries/{grant.content_object_id}/",
            at=max(grant.content_object.submitted_at, now - timedelta(days=2)),
        )
        for grant in shared
        if (grant.user_id, grant.content_object_id) not in already
    ]
    ReadRecord.objects.bulk_create(added)
    return len(added)
