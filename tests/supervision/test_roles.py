"""The navigation and dashboard show each person what their roles let them do."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from supervision.models import Supervision
from supervision.roles import roles_for
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("supervision:dashboard")


def test_roles_follow_active_relationships(supervisor, supervisee, supervision):
    assert roles_for(supervisor).supervisor and not roles_for(supervisor).supervisee
    assert roles_for(supervisee).supervisee and not roles_for(supervisee).supervisor
    supervision_end(supervision=supervision)
    assert not roles_for(supervisor).supervisor


def test_supervisor_in_training_sees_both_sides_apart(supervisor, supervisee):
    in_training = UserFactory(display_name="Ivo Intraining")
    make_supervision(supervisor, in_training, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    make_supervision(in_training, supervisee)
    roles = roles_for(in_training)
    assert roles.supervisor_in_training

    from django.test import Client

    client = Client()
    client.force_login(in_training)
    content = client.get(DASHBOARD).content.decode()
    assert "As a supervisor" in content and "In your own supervision" in content
    assert content.index(supervisee.name) < content.index("In your own supervision")


def test_a_supervisors_own_supervisor_does_not_see_their_supervisees(client, supervisor):
    in_training = UserFactory()
    trainee = UserFactory(display_name="Hidden Trainee")
    make_supervision(supervisor, in_training, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    make_supervision(in_training, trainee)
    client.force_login(supervisor)
    assert "Hidden Trainee" not in client.get(DASHBOARD).content.decode()


def test_person_without_roles_gets_a_next_step(client):
    client.force_login(UserFactory())
    content = client.get(DASHBOARD).content.decode()
    assert "Getting started" in content


def test_course_editor_sees_course_editing_but_no_people_admin(client, course_editor):
    client.force_login(course_editor)
    content = client.get(DASHBOARD).content.decode()
    assert "Open course editing" in content
    assert "Manage people" not in content


def test_administrator_sees_people_management(client, administrator):
    client.force_login(administrator)
    content = client.get(DASHBOARD).content.decode()
    assert "Manage people" in content
    assert "As a supervisor" not in content


def test_supervisor_dashboard_query_count_does_not_grow(client, supervisor):
    client.force_login(supervisor)
    make_supervision(supervisor)
    with CaptureQueriesContext(connection) as few:
        assert client.get(DASHBOARD).status_code == 200
    for _ in range(29):
        make_supervision(supervisor)
    with CaptureQueriesContext(connection) as many:
        response = client.get(DASHBOARD)
    assert response.content.decode().count('class="people-list"') == 1
    assert len(many) == len(few)


def test_a_person_fact_is_registered_once():
    from supervision.roles import PERSON_FACTS, person_fact

    name = next(iter(PERSON_FACTS))
    person_fact(name, PERSON_FACTS[name])  # the same registration again (ready() run twice)
    with pytest.raises(ValueError, match="registered twice"):
        person_fact(name, lambda: None)


def test_roles_and_every_person_fact_are_one_query(supervisor, django_assert_num_queries):
    from supervision.roles import PERSON_FACTS

    assert PERSON_FACTS  # the bell and the Courses link register theirs
    with django_assert_num_queries(1):
        roles = roles_for(supervisor)
    assert set(roles.facts) == set(PERSON_FACTS)


def test_the_roles_sql_says_what_supervisions_active_says():
    """The roles' SQL repeats ``SupervisionQuerySet.active()`` for speed; the two must agree on
    every edge: starting today or tomorrow, ending today, tomorrow or not at all."""
    today = timezone.localdate()
    cases = [
        (today, None),
        (today + datetime.timedelta(days=1), None),
        (today - datetime.timedelta(days=9), today),
        (today - datetime.timedelta(days=9), today + datetime.timedelta(days=1)),
    ]
    for started_on, ended_on in cases:
        supervision = make_supervision(started_on=started_on)
        if ended_on is not None:
            Supervision.objects.filter(pk=supervision.pk).update(ended_on=ended_on)
        active = Supervision.objects.active().filter(pk=supervision.pk).exists()
        assert roles_for(supervision.supervisor).supervisor == active, (started_on, ended_on)
        assert roles_for(supervision.supervisee).supervisee == active, (started_on, ended_on)
