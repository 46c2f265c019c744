"""Who may do what with every URL of the notifications app (run by tests/authorization.py).

Everyone signed in reads and clears their own bell; a notice is opened only by its recipient,
and anyone else is told it does not exist.
"""

from notifications.models import Notification
from notifications.services import notification_send
from tests.authorization import GET_ONLY, POST_ONLY, Matrix, Url, module_world, url_test
from tests.factories import UserFactory

KINDS = ("anonymous", "recipient", "someone_else", "administrator")


def build_world() -> dict:
    users = {
        "recipient": UserFactory(display_name="Rita Recipient"),
        "someone_else": UserFactory(display_name="Sol Else"),
        "administrator": UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True),
    }
    notice = notification_send(
        recipient=users["recipient"],
        actor=users["someone_else"],
        kind=Notification.Kind.ASSIGNMENT_NEW,
        title="New homework “Notice the urge”",
        url="/homework/",
    )
    return {"users": users, "objects": {"notice": notice}}


def snapshot():
    return tuple(Notification.objects.order_by("pk").values_list("pk", "read_at"))


URLS = [
    Url("notifications:list", get={"*": 200}, post=GET_ONLY),
    Url(
        "notifications:open",
        "notice",
        kwargs=lambda world, target: {"notification_id": world["objects"][target].pk},
        get=POST_ONLY,
        post={"recipient": 302, "*": 404},
    ),
    Url("notifications:read_all", get=POST_ONLY, post={"*": 302}),
    Url(
        "notifications:preferences",
        get={"*": 200},
        post={"*": 302},
        data=lambda world, target: {
            "email_kinds": ["homework_due"],
            "quiet_from": "21:00",
            "quiet_until": "08:00",
            "timezone": "Europe/Paris",
        },
    ),
]

MATRIX = Matrix(urls=URLS, kinds=KINDS, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)
