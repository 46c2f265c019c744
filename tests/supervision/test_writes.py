"""Rows written with SQL written once hold what the ORM's own save, bulk_create and update write."""

import datetime

import pytest
from django.contrib.auth.models import Permission
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.db.models.signals import post_save, pre_save
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from courses.models import LessonPage
from homework.models import Assignment
from homework.services.entries import occurrence_entry_start
from notifications.models import Notification
from supervision import writes
from supervision.writes import row_insert, rows_insert, rows_update, writes_listened
from tests.factories import UserFactory
from tests.homework.factories import make_assignment
from worksheets.models import Entry, EntryUserObjectPermission, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(supervision):
    """A homework entry the supervisee has started (a draft)."""
    assignment = make_assignment(supervision)
    return occurrence_entry_start(
        occurrence=assignment.expected.get(), author=supervision.supervisee
    )


def _notice(recipient, **fields) -> Notification:
    return Notification(
        recipient=recipient,
        kind=Notification.Kind.ENTRY_SUBMITTED,
        title="Handed in",
        url="/feedback/",
        facts={"count": 2, "on": "2031-05-04"},
        **fields,
    )


def _columns(obj) -> dict:
    """Every column of ``obj``'s row as the ORM reads it back, but its key and write times."""
    row = type(obj).objects.filter(pk=obj.pk).values().get()
    return {name: value for name, value in row.items() if name not in {"id", "created_at"}}


def test_a_row_inserted_holds_what_save_writes_and_gets_its_key():
    recipient = UserFactory()
    saved = _notice(recipient, event_key=None)
    saved.save()
    inserted = _notice(recipient, event_key=None)
    before = timezone.now()

    assert row_insert(inserted) is True

    assert inserted.pk is not None and inserted.pk != saved.pk
    assert (inserted._state.adding, inserted._state.db) == (False, "default")
    assert _columns(inserted) == _columns(saved)
    # Each field's pre_save ran, as on save(): auto_now_add set the time on the object too.
    assert inserted.created_at >= before
    assert Notification.objects.get(pk=inserted.pk).created_at == inserted.created_at


def test_a_conflict_ignored_inserts_nothing_and_says_so():
    recipient = UserFactory()
    assert row_insert(_notice(recipient, event_key="entry:1:submitted"), ignore_conflicts=True)
    again = _notice(recipient, event_key="entry:1:submitted")

    assert row_insert(again, ignore_conflicts=True) is False

    assert (again.pk, again._state.adding) == (None, True)
    assert Notification.objects.filter(event_key="entry:1:submitted").count() == 1
    # Without ignore_conflicts, the unique constraint is the database's error, as on save().
    with pytest.raises(IntegrityError), transaction.atomic():
        row_insert(_notice(recipient, event_key="entry:1:submitted"))


def test_json_and_dates_are_written_as_the_orm_writes_them(entry):
    values = {
        "answers": {"situation": "Queue at the checkout", "rating": 7, "when": None},
        "reflection": "Noticed the urge and waited.",
        "submitted_at": datetime.datetime(2031, 5, 4, 9, 30, tzinfo=datetime.UTC),
    }
    by_orm = Submission.objects.create(entry=entry, number=1, **values)
    by_row = Submission(entry=entry, number=2, **values)

    row_insert(by_row)

    expected = {**_columns(by_orm), "number": 2}
    assert _columns(by_row) == expected


def test_many_rows_in_one_statement_skip_those_held(entry):
    person = UserFactory()
    codenames = ["view_entry", "change_entry"]
    view, change = (
        Permission.objects.get(codename=codename, content_type__model="entry")
        for codename in codenames
    )
    EntryUserObjectPermission.objects.create(user=person, permission=view, content_object=entry)
    rows = [
        EntryUserObjectPermission(user=person, permission=permission, content_object=entry)
        for permission in (view, change)
    ]

    with CaptureQueriesContext(connection) as statements:
        rows_insert(rows, ignore_conflicts=True)

    assert len(statements) == 1
    held = EntryUserObjectPermission.objects.filter(user=person, content_object=entry)
    assert sorted(held.values_list("permission__codename", flat=True)) == sorted(codenames)


def test_more_rows_than_one_statement_takes_go_in_batches(monkeypatch):
    """As bulk_create: no statement carries more parameters than the database takes."""
    recipient = UserFactory()
    monkeypatch.setattr(connection.ops, "bulk_batch_size", lambda fields, objs: 2)

    with CaptureQueriesContext(connection) as statements:
        rows_insert([_notice(recipient, event_key=f"event:{n}") for n in range(5)])

    assert len(statements) == 3
    assert Notification.objects.filter(recipient=recipient).count() == 5


def test_an_update_changes_the_rows_it_finds_and_counts_them(entry):
    now = timezone.now()
    changed = rows_update(
        Entry,
        {"reflection": "Second thoughts", "answers": {"a": [1, 2]}, "updated_at": now},
        where={"pk": entry.pk, "version": entry.version},
    )
    missed = rows_update(
        Entry, {"reflection": "Lost"}, where={"pk": entry.pk, "version": entry.version + 7}
    )

    assert (changed, missed) == (1, 0)
    entry.refresh_from_db()
    assert (entry.reflection, entry.answers, entry.updated_at) == (
        "Second thoughts",
        {"a": [1, 2]},
        now,
    )


def test_an_update_with_a_condition_of_sql_changes_only_the_rows_that_meet_it(entry):
    status = connection.ops.quote_name(Entry._meta.get_field("status").column)
    condition = f"{status} = %s"

    refused = rows_update(
        Entry,
        {"reflection": "Not now"},
        where={"pk": entry.pk},
        condition=condition,
        condition_params=[Entry.Status.SUBMITTED.value],
    )
    done = rows_update(
        Entry,
        {"reflection": "Now"},
        where={"pk": entry.pk},
        condition=condition,
        condition_params=[entry.status],
    )

    assert (refused, done) == (0, 1)
    entry.refresh_from_db()
    assert entry.reflection == "Now"


def test_each_shape_is_written_once_per_process():
    writes._insert_sql.cache_clear()
    recipient = UserFactory()
    for number in range(3):
        row_insert(_notice(recipient, event_key=f"event:{number}"), ignore_conflicts=True)
    row_insert(_notice(recipient, event_key=None))

    info = writes._insert_sql.cache_info()
    assert (info.misses, info.hits) == (2, 2)  # with and without ignore_conflicts


def test_what_the_orm_must_write_is_refused(entry):
    recipient = UserFactory()
    saved = _notice(recipient)
    saved.save()
    with pytest.raises(ValueError, match="saved already"):
        row_insert(saved)
    with pytest.raises(ValueError, match="expression"):
        rows_update(Entry, {"version": F("version") + 1}, where={"pk": entry.pk})
    with pytest.raises(ValueError, match="None"):
        rows_update(Entry, {"reflection": "x"}, where={"subject": None})
    with pytest.raises(ValueError, match="several tables"):
        row_insert(LessonPage(title="A lesson", slug="a-lesson"))
    with pytest.raises(ValueError, match="one model"):
        rows_insert([_notice(recipient), Submission(entry=entry, number=1)])


def test_nothing_listens_to_the_saves_of_the_models_written_here():
    """No model signal is sent for these rows: a receiver added for one of these models
    would never hear of the rows written by the hand-in (supervision.writes)."""
    written_here = [Entry, Submission, Notification, Assignment, EntryUserObjectPermission]
    assert [model for model in written_here if writes_listened(model)] == []
    # Receivers of every model's saves act on their own kinds of object only: these, and no new
    # one unseen.
    everyone = {
        receiver().__qualname__
        for signal in (pre_save, post_save)
        for _key, receiver, sender, *_ in signal.receivers
        if sender is None
    }
    assert everyone <= {"set_locale_on_new_instance"}
