"""Who may use the URLs of the deployment itself (run by tests/authorization.py).

The health check answers anyone, signed in or not: a load balancer has no account, and the
answer holds nothing personal.
"""

from tests.authorization import Matrix, Url, module_world, url_test
from tests.factories import UserFactory

KINDS = ("anonymous", "someone", "administrator")


def build_world() -> dict:
    users = {
        "someone": UserFactory(display_name="Sol Someone"),
        "administrator": UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True),
    }
    return {"users": users, "objects": {}}


URLS = [Url("health", get={"anonymous": 200, "*": 200}, post={"anonymous": 405, "*": 405})]

MATRIX = Matrix(urls=URLS, kinds=KINDS)
world = module_world(build_world)
test_url = url_test(MATRIX)
