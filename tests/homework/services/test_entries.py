"""The hand-in's lock on its assignment: the row the ORM reads, with what the hand-in follows."""

import pytest
from django.db import connection

from homework.models import Assignment
from homework.services.entries import _assignment_locked, _assignment_locked_sql
from notifications.models import NotificationPreference
from notifications.services import notification_preference_save
from tests.homework.factories import make_assignment
from worksheets.library import blocks as b
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def worksheet(db):
    template = worksheet_template_create(
        title="Urge log", body=[b.short("What did I want to do?", max_length=200)], publish=True
    )
    return template.versions.get()


def test_the_locked_assignment_is_the_one_the_orm_reads_with_its_supervisor(
    supervision, worksheet, django_assert_num_queries
):
    assignment = make_assignment(supervision, worksheet_version=worksheet)
    preference = notification_preference_save(
        person=supervision.supervisor,
        email_kinds=["entry_submitted"],
        quiet_from=None,
        quiet_until=None,
        weekly_digest=False,
    )
    with django_assert_num_queries(1):
        locked = _assignment_locked(assignment.pk)
        supervisor = locked.supervision.supervisor
        assert supervisor.notification_preference.email_kinds == ["entry_submitted"]
    read = Assignment.objects.get(pk=assignment.pk)
    for field in Assignment._meta.concrete_fields:
        assert getattr(locked, field.attname) == getattr(read, field.attname), field.attname
    assert locked.supervision == supervision and locked.supervision.is_active
    assert supervisor == supervision.supervisor and supervisor.email
    assert supervisor.notification_preference == preference


def test_a_supervisor_without_saved_preferences_is_known_to_have_none(
    supervision, worksheet, django_assert_num_queries
):
    assignment = make_assignment(supervision, worksheet_version=worksheet)
    with django_assert_num_queries(1):
        supervisor = _assignment_locked(assignment.pk).supervision.supervisor
        with pytest.raises(NotificationPreference.DoesNotExist):
            supervisor.notification_preference  # noqa: B018 (the access is the test)


def test_no_such_assignment(supervision):
    with pytest.raises(Assignment.DoesNotExist):
        _assignment_locked(123456)


def test_only_the_assignments_row_is_locked():
    """``FOR UPDATE OF`` the assignment alone, as ``select_for_update(of=("self",))`` locked it
    (tests/homework/test_concurrency.py hands in the last two at once on PostgreSQL)."""
    sql, _parts = _assignment_locked_sql()
    if connection.features.has_select_for_update:
        assert sql.endswith(" FOR UPDATE OF a")
    else:
        assert "FOR UPDATE" not in sql
