"""Who may do what with every URL of reminders (run by tests/authorization.py).

Either person in a supervision turns reminders about its homework on or off; anyone else is
told the homework does not exist. Only administrators see and retry background tasks.
"""

from django_tasks_db.models import DBTaskResult

from reminders.models import AssignmentMute
from tests.authorization import GET_ONLY, POST_ONLY, Matrix, Url, module_world, url_test
from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment
from tests.reminders.conftest import make_failed_task

KINDS = ("anonymous", "supervisee", "supervisor", "stranger", "administrator")


def build_world() -> dict:
    users = {
        "supervisee": UserFactory(display_name="Tia Trainee"),
        "supervisor": UserFactory(display_name="Sam Supervisor"),
        "stranger": UserFactory(display_name="Sol Stranger"),
        "administrator": UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True),
    }
    supervision = make_supervision(users["supervisor"], users["supervisee"])
    failed = make_failed_task()
    return {
        "users": users,
        "objects": {"assignment": make_assignment(supervision), "failed_task": failed},
    }


def snapshot():
    return (
        tuple(AssignmentMute.objects.order_by("pk").values_list("assignment", "person")),
        tuple(DBTaskResult.objects.order_by("pk").values_list("pk", "status", "return_value")),
    )


URLS = [
    Url(
        "reminders:assignment_reminders",
        "assignment",
        get=POST_ONLY,
        post={"supervisee": 302, "supervisor": 302, "*": 404},
        data=lambda world, target: {"reminders": "off"},
    ),
    Url(
        "reminders:task_overview",
        get={"administrator": 200, "*": 403},
        post=GET_ONLY,
    ),
    Url(
        "reminders:task_retry",
        "failed_task",
        kwargs=lambda world, target: {"task_id": world["objects"][target].pk},
        get=POST_ONLY,
        post={"administrator": 302, "*": 403},
    ),
]

MATRIX = Matrix(urls=URLS, kinds=KINDS, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)
