"""Who may do what with every URL of the pathways app (run by tests/authorization.py).

The people: the supervisee, their supervisor (who owns a private pathway), the same supervisor's
former supervisee's relationship (ended), an unrelated supervisor, a course editor and an
administrator. Targets: the running and the ended relationship, a library and a private pathway.
"""

import uuid

from pathways.services import pathway_owner_grant
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure
from supervision.services.relationships import supervision_end
from tests.authorization import (
    SIGN_IN,
    Matrix,
    Url,
    double_submit_test,
    module_world,
    only,
    url_test,
)
from tests.factories import UserFactory, make_supervision
from tests.pathways.factories import make_pathway

KINDS = (
    "anonymous",
    "supervisee",
    "supervisor",
    "unrelated_supervisor",
    "course_editor",
    "administrator",
)
SUPERVISORS = ("supervisor", "unrelated_supervisor")
ADMIN_ACCESS = {"supervisee": SIGN_IN}


def build_world() -> dict:
    supervisee = UserFactory(display_name="Tess Trainee")
    supervisor = UserFactory(display_name="Sam Supervisor")
    running = make_supervision(supervisor, supervisee)
    ended = make_supervision(supervisor, UserFactory(display_name="Former Trainee"))
    supervision_end(supervision=ended)
    unrelated = UserFactory(display_name="Una Unrelated")
    make_supervision(unrelated, UserFactory())
    course_editor = UserFactory(display_name="Cleo Editor")
    course_editor.groups.add(groups_ensure()[COURSE_STAFF_GROUP])
    private = make_pathway(owner=supervisor, title="Private pathway")
    pathway_owner_grant(pathway=private)
    users = {
        "supervisee": supervisee,
        "supervisor": supervisor,
        "unrelated_supervisor": unrelated,
        "course_editor": course_editor,
        "administrator": UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True),
    }
    objects = {
        "running": running,
        "ended": ended,
        "library_pathway": make_pathway(title="Library pathway"),
        "private_pathway": private,
    }
    return {"users": users, "objects": objects}


def assign_data(world, target):
    return {
        "submission_key": str(uuid.uuid4()),
        "pathway": str(world["objects"]["library_pathway"].pk),
        "rationale": "Small steps.",
        "confidence": "7",
        "obstacles-TOTAL_FORMS": "1",
        "obstacles-INITIAL_FORMS": "0",
        "obstacles-MIN_NUM_FORMS": "0",
        "obstacles-MAX_NUM_FORMS": "10",
    }


def post_data(world, target):
    return {"submission_key": str(uuid.uuid4())}


def supervision_kwargs(world, target):
    return {"supervision_id": world["objects"][target].pk}


URLS = [
    # Only the supervisor of a running relationship assigns; a stranger does not learn it exists.
    Url(
        "pathways:assign",
        "running",
        kwargs=supervision_kwargs,
        get={"supervisor": 200, "supervisee": 403, "*": 404},
        post={"supervisor": 302, "supervisee": 403, "*": 404},
        data=assign_data,
    ),
    Url(
        "pathways:assign",
        "ended",
        kwargs=supervision_kwargs,
        get={"supervisor": 403, "*": 404},
        post={"supervisor": 403, "*": 404},
        data=assign_data,
    ),
    Url(
        "pathways:copy",
        "library_pathway",
        get={**only(SUPERVISORS, 200), "*": 404},
        post={**only(SUPERVISORS, 302), "*": 404},
    ),
    Url(
        "pathways:copy",
        "private_pathway",
        get={"supervisor": 200, "*": 404},
        post={"supervisor": 302, "*": 404},
    ),
    Url("pathways:sharing", "library_pathway", get={"*": 404}, post={"*": 404}),
    Url(
        "pathways:sharing",
        "private_pathway",
        get={"supervisor": 200, "*": 404},
        post={"supervisor": 302, "*": 404},
    ),
    # Supervisors (their own), course staff (the library) and administrators use the admin.
    Url(
        "wagtailsnippets_pathways_pathway:add",
        get={**ADMIN_ACCESS, "*": 200},
        post={**ADMIN_ACCESS, "*": 200},  # a pathway without steps is refused, nothing saved
        data=lambda world, target: {
            "title": "A pathway of my own",
            "introduction": "Steps.",
            "category": "self_work",
            "steps-TOTAL_FORMS": "0",
            "steps-INITIAL_FORMS": "0",
            "steps-MIN_NUM_FORMS": "0",
            "steps-MAX_NUM_FORMS": "1000",
        },
    ),
]

MATRIX = Matrix(urls=URLS, kinds=KINDS, data=post_data)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms (supervision.idempotency): sent twice with one key, they create once.
CREATES = ("pathways:assign", "pathways:copy")
test_create_once = double_submit_test(MATRIX, CREATES)
