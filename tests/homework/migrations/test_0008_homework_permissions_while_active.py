"""The data migration that turns 'the supervision still runs' into permissions on existing homework."""

import importlib

from django.apps import apps

from homework.models import AssignmentUserObjectPermission
from supervision.permissions import grant
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment

migration = importlib.import_module("homework.migrations.0008_homework_permissions_while_active")


def held(assignment) -> set[tuple[int, str]]:
    rows = AssignmentUserObjectPermission.objects.filter(content_object=assignment)
    return set(rows.values_list("user_id", "permission__codename"))


def as_before_the_migration(assignment, *, ended: bool) -> None:
    """What the services granted until now: view for both, change for the supervisor, always."""
    AssignmentUserObjectPermission.objects.filter(
        content_object=assignment,
        permission__codename__in=["review_assignment", "work_on_assignment"],
    ).delete()
    if ended:
        grant(assignment.supervision.supervisor, ["change_assignment"], assignment)


def test_running_homework_gains_and_ended_homework_loses(db, supervisor, supervisee):
    running = make_supervision(supervisor, supervisee)
    current = make_assignment(running)
    former = UserFactory()
    earlier = make_supervision(supervisor, former)
    past = make_assignment(earlier)
    supervision_end(supervision=earlier)
    as_before_the_migration(current, ended=False)
    as_before_the_migration(past, ended=True)

    migration.grant_by_relationship_state(apps, None)

    assert held(current) == {
        (supervisor.pk, "view_assignment"),
        (supervisor.pk, "change_assignment"),
        (supervisor.pk, "review_assignment"),
        (supervisee.pk, "view_assignment"),
        (supervisee.pk, "review_assignment"),
        (supervisee.pk, "work_on_assignment"),
    }
    assert held(past) == {(supervisor.pk, "view_assignment"), (former.pk, "view_assignment")}
