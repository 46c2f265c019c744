"""Writing and reading the read audit (``ReadRecord``): one insert per read, nothing else.

A view that shows someone's sensitive material (an entry, a case, a meeting record, a
questionnaire result, an attachment) calls ``read_record`` once it has checked the permission;
``object_for`` records a refusal by itself. Reads by the owner are not recorded: the audit is
there to show a person who else has read their material (issue 13, item 2).
"""

from django.db.models import Model, QuerySet

from supervision.models import ReadRecord, User
from supervision.rows import Prepared

RECENT_READS = 10


def _subject(obj: Model) -> str:
    return obj._meta.label_lower


def read_record(request, obj: Model, *, owner_id: int | None) -> None:
    """Record that the person behind ``request`` read ``obj`` (owned by ``owner_id``): one insert.

    Nothing is recorded when the reader is the owner or nobody is signed in.
    """
    reader_id = request.user.pk
    if reader_id is None or reader_id == owner_id:
        return
    ReadRecord.objects.create(
        reader_id=reader_id,
        owner_id=owner_id,
        subject=_subject(obj),
        object_id=obj.pk,
        path=request.path[:300],
    )


def reads_record(request, objects: list[Model], *, owner_of) -> None:
    """``read_record`` for several objects shown on one page, in one insert.

    ``owner_of(obj) -> int`` gives each object's owner id.
    """
    reader_id = request.user.pk
    if reader_id is None:
        return
    rows = [
        ReadRecord(
            reader_id=reader_id,
            owner_id=owner_of(obj),
            subject=_subject(obj),
            object_id=obj.pk,
            path=request.path[:300],
        )
        for obj in objects
        if owner_of(obj) != reader_id
    ]
    if rows:
        ReadRecord.objects.bulk_create(rows)


def refusal_record(request, obj: Model) -> None:
    """Record that the person was refused ``obj`` (404 or 403): one insert."""
    if request.user.pk is None:
        return
    ReadRecord.objects.create(
        reader_id=request.user.pk,
        subject=_subject(obj),
        object_id=obj.pk,
        path=request.path[:300],
        outcome=ReadRecord.Outcome.REFUSED,
    )


def reads_of(obj: Model, *, limit: int = RECENT_READS) -> list[ReadRecord]:
    """The latest reads of ``obj`` by others, newest first, with the reader: one query.

    Each record carries ``at`` and its reader's name (``reader.name``) and nothing else: the
    owner's page shows only who and when. Asked on every visit of an owner to their entry or
    meeting record: the query of each kind of object and limit is written once per process.
    """
    subject = _subject(obj)
    prepared = _reads.get((subject, limit))
    if prepared is None:
        prepared = _reads[subject, limit] = Prepared(
            lambda pk: (
                ReadRecord.objects.filter(
                    subject=subject, object_id=pk, outcome=ReadRecord.Outcome.READ
                )
                .select_related("reader")
                .only("at", "reader", *User.name_columns("reader"))[:limit]
            )
        )
    return prepared.objects(obj.pk)


# (subject, limit): the prepared query of reads_of.
_reads: dict[tuple[str, int], Prepared] = {}


def reads_of_material_of(person) -> QuerySet:
    """Every read of this person's material by someone else, newest first, with the reader."""
    return ReadRecord.objects.filter(owner=person, outcome=ReadRecord.Outcome.READ).select_related(
        "reader"
    )
