"""Objects built from hand-written SQL are the ones the ORM reads, joined as select_related joins."""

import datetime
import threading

import pytest
from django.db import connection, connections
from django.db.models import Value
from django.db.models.sql.compiler import SQLCompiler
from django.utils import timezone

from notifications.models import NotificationPreference
from notifications.services import notification_preference_save
from supervision.models import Supervision, User
from supervision.rows import (
    Columns,
    Prepared,
    objects_built,
    related_set,
    row_read,
    rows_read,
)
from tests.factories import make_supervision

pytestmark = pytest.mark.django_db

quote = connection.ops.quote_name


def _joined_row(supervision_pk: int) -> tuple[tuple, tuple[Columns, ...]]:
    """A supervision, its supervisor and their preferences (a LEFT OUTER JOIN), as one row."""
    parts = (Columns(Supervision, "s"), Columns(User, "u"), Columns(NotificationPreference, "p"))
    person = NotificationPreference._meta.get_field("person").column
    sql = (
        f"SELECT {', '.join(part.sql for part in parts)}"
        f" FROM {quote(Supervision._meta.db_table)} s"
        f" INNER JOIN {quote(User._meta.db_table)} u ON u.{quote('id')} = s.{quote('supervisor_id')}"
        f" LEFT OUTER JOIN {quote(NotificationPreference._meta.db_table)} p"
        f" ON p.{quote(person)} = u.{quote('id')} WHERE s.{quote('id')} = %s"
    )
    return row_read(sql, [supervision_pk]), parts


def _same_as_read(built, model) -> None:
    read = model.objects.get(pk=built.pk)
    for field in model._meta.concrete_fields:
        value, expected = getattr(built, field.attname), getattr(read, field.attname)
        assert (value, type(value)) == (expected, type(expected)), field.attname
    assert (built._state.adding, built._state.db) == (False, read._state.db)


def test_each_object_has_the_values_the_orm_reads(supervision):
    supervision.ended_on = datetime.date(2031, 5, 4)  # a date, converted on SQLite
    supervision.save()
    notification_preference_save(
        person=supervision.supervisor,
        email_kinds=["entry_submitted"],  # JSON, parsed
        quiet_from=datetime.time(22, 30),  # a time, converted on SQLite
        quiet_until=datetime.time(7, 15),
        weekly_digest=False,
    )
    row, parts = _joined_row(supervision.pk)
    built, supervisor, preference = objects_built(row, parts)
    _same_as_read(built, Supervision)
    _same_as_read(supervisor, User)
    _same_as_read(preference, NotificationPreference)
    assert preference.email_kinds == ["entry_submitted"]


def test_joined_objects_are_followed_without_a_query(supervision, django_assert_num_queries):
    notification_preference_save(
        person=supervision.supervisor,
        email_kinds=[],
        quiet_from=None,
        quiet_until=None,
        weekly_digest=True,
    )
    row, parts = _joined_row(supervision.pk)
    built, supervisor, preference = objects_built(row, parts)
    related_set(built, Supervision._meta.get_field("supervisor"), supervisor)
    person = NotificationPreference._meta.get_field("person")
    related_set(supervisor, person.remote_field, preference)
    with django_assert_num_queries(0):
        assert built.supervisor is supervisor
        assert supervisor.notification_preference is preference
        assert preference.person is supervisor  # a one-to-one's other side too


def test_a_row_the_outer_join_did_not_find_is_none_and_known_to_be_none(
    supervision, django_assert_num_queries
):
    row, parts = _joined_row(supervision.pk)
    built, supervisor, preference = objects_built(row, parts)
    assert preference is None
    related_set(supervisor, NotificationPreference._meta.get_field("person").remote_field, None)
    with django_assert_num_queries(0), pytest.raises(NotificationPreference.DoesNotExist):
        supervisor.notification_preference  # noqa: B018 (the access is the test)


def test_no_row_and_every_row(supervision, supervisor):
    table, key = quote(Supervision._meta.db_table), quote("id")
    assert row_read(f"SELECT {key} FROM {table} WHERE {key} = %s", [supervision.pk + 1]) is None
    other = make_supervision(supervisor)
    rows = rows_read(f"SELECT {key} FROM {table} ORDER BY {key}", [])
    assert rows == [(supervision.pk,), (other.pk,)]


def _supervisions(pk: int, person: int):
    return (
        Supervision.objects.select_related("supervisor", "supervisee")
        .annotate(asked_by=Value(person))
        .filter(pk=pk, supervisor_id=person)
    )


def test_a_prepared_queryset_gives_what_the_queryset_gives_and_is_written_once(monkeypatch):
    first, second = make_supervision(), make_supervision()
    prepared = Prepared(_supervisions)
    prepared.objects(first.pk, first.supervisor_id)  # written now
    written = []
    original = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: written.append(1) or original(self, *a, **k)
    )

    for supervision in (first, second):
        found = prepared.objects(supervision.pk, supervision.supervisor_id)
        assert found == list(_supervisions(supervision.pk, supervision.supervisor_id))
        (shown,) = found
        assert shown.supervisee == supervision.supervisee  # joined: no query to follow it
        assert shown.asked_by == supervision.supervisor_id
    assert len(written) == 2  # by the two querysets asked to compare, not by the prepared one
    assert prepared.objects(first.pk, second.supervisor_id) == []


def test_a_prepared_queryset_refuses_what_it_cannot_keep():
    supervision = make_supervision()
    with pytest.raises(TypeError):
        Prepared(_supervisions).objects(str(supervision.pk), supervision.supervisor_id)
    at_this_moment = Prepared(
        lambda pk: Supervision.objects.filter(pk=pk, created_at__lte=timezone.now())
    )
    with pytest.raises(ValueError, match="more than its arguments"):
        at_this_moment.objects(supervision.pk)
    with pytest.raises(ValueError, match="each of its arguments"):
        Prepared(lambda pk, unused: Supervision.objects.filter(pk=pk)).objects(1, 2)


def test_a_prepared_queryset_runs_on_the_connection_of_the_thread_that_asks():
    supervision = make_supervision()
    prepared = Prepared(_supervisions)
    prepared.objects(supervision.pk, supervision.supervisor_id)  # written in this thread
    answers = []

    def other_thread():
        try:
            # Its own connection sees no rows of this test's transaction: an empty answer.
            answers.append(prepared.objects(supervision.pk, supervision.supervisor_id))
        except Exception as error:  # noqa: BLE001 (the answer is what is checked)
            answers.append(error)
        finally:
            connections.close_all()

    thread = threading.Thread(target=other_thread)
    thread.start()
    thread.join()
    assert answers == [[]]
