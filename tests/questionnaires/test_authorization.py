"""Who may do what with every URL of the questionnaires app, the CSV import in the admin included.

Run by tests/authorization.py, like every app's matrix. The people: the trainee whose
results these are (owner), another trainee, the owner's supervisor before and after the owner
shared both administrations (the supervisor also wrote a rating of the owner), an unrelated
supervisor, a course editor and an administrator. ``SIGN_IN`` is a redirect to sign in;
``DENIED`` is the Wagtail admin's redirect to its home page for someone who may not take that
action.
"""

import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.urls import reverse

from questionnaires.services import rating_release
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure
from tests.authorization import (
    DENIED,
    SIGN_IN,
    Matrix,
    Url,
    double_submit_test,
    module_world,
    only,
    url_test,
)
from tests.factories import UserFactory, make_supervision
from tests.worksheets.scoring.factories import (
    administer,
    make_questionnaire,
    questionnaire_template,
)
from worksheets.services.entries import entry_sharing_set

KINDS = (
    "anonymous",
    "owner",
    "other_trainee",
    "supervisor_before_sharing",
    "supervisor_after_sharing",
    "unrelated_supervisor",
    "course_editor",
    "administrator",
)
SUPERVISORS = ("supervisor_before_sharing", "supervisor_after_sharing", "unrelated_supervisor")
THEIR_SUPERVISOR = ("supervisor_before_sharing", "supervisor_after_sharing")
TRAINEES = ("owner", "other_trainee")


def build_world() -> dict:
    owner = UserFactory(display_name="Owner Trainee")
    supervisor = UserFactory(display_name="Their Supervisor")
    make_supervision(supervisor, owner)
    unrelated = UserFactory(display_name="Unrelated Supervisor")
    make_supervision(unrelated, UserFactory())
    questionnaire = questionnaire_template()
    version = questionnaire.versions.get()
    rating_template = questionnaire_template(
        make_questionnaire(slug="rating", title="Rating", rated_by_someone_else=True)
    )
    private = questionnaire_template(owner=supervisor)
    first = administer(owner, version, days_ago=30)
    second = administer(owner, version)
    rating = administer(supervisor, rating_template.versions.get(), subject=owner)
    course_editor = UserFactory(display_name="Cleo Editor")
    course_editor.groups.add(groups_ensure()[COURSE_STAFF_GROUP])
    administrator = UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True)
    people = {
        "owner": owner,
        "other_trainee": UserFactory(display_name="Other Trainee"),
        "supervisor_before_sharing": supervisor,
        "supervisor_after_sharing": supervisor,
        "unrelated_supervisor": unrelated,
        "course_editor": course_editor,
        "administrator": administrator,
    }
    objects = {
        "questionnaire_template": questionnaire,
        "private_questionnaire": private,
        "rating_template": rating_template,
        "rating": rating,
        "owner_administration": second,
    }

    return {
        "users": people,
        "objects": objects,
        "owner": owner,
        "supervisor": supervisor,
        "key": version.questionnaire_key,
        "administrations": (first, second),
    }


def share_for(world, kind):
    """The supervisor after sharing reads both administrations the owner shared with them."""
    if kind == "supervisor_after_sharing":
        supervisor = world["supervisor"]
        for entry in world["administrations"]:
            entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])


def history_url(world, target):
    return reverse("questionnaires:history", args=[world["owner"].pk, world["key"]])


def compare_url(world, target):
    first, second = world["administrations"]
    url = reverse("questionnaires:compare", args=[world["owner"].pk, world["key"]])
    return f"{url}?first={first.pk}&second={second.pk}"


def start_data(world, target):
    return {"submission_key": str(uuid.uuid4())}


URLS = [
    Url("questionnaires:index", get={"*": 200}, post={"*": 405}),
    Url(
        "questionnaires:history",
        "owner_history",
        path=history_url,
        get={"owner": 200, "supervisor_after_sharing": 200, "*": 404},
        post={"*": 405},
    ),
    Url(
        "questionnaires:compare",
        "owner_history",
        path=compare_url,
        get={"owner": 200, "supervisor_after_sharing": 200, "*": 404},
        post={"*": 405},
    ),
    # An empty form from a supervisor names nobody to rate: refused, nothing started.
    Url(
        "questionnaires:rating_start",
        "rating_template",
        get={**only(SUPERVISORS, 200), "*": 404},
        post={**only(SUPERVISORS, 400), "*": 404},
    ),
    Url("questionnaires:rating_start", "questionnaire_template", get={"*": 404}, post={"*": 404}),
    Url(
        "questionnaires:rating_release",
        "rating",
        get={"*": 405},
        post={**only(THEIR_SUPERVISOR, 302), "*": 404},
    ),
    Url("questionnaires:rating_release", "owner_administration", get={"*": 405}, post={"*": 404}),
    # The CSV import lives in the Wagtail admin, where people without admin access are sent to
    # sign in and those who may not change the template are sent to the admin's home page.
    Url(
        "questionnaires_import_items",
        "questionnaire_template",
        get={**only(SUPERVISORS, DENIED), "course_editor": 200, "administrator": 200, "*": SIGN_IN},
        post={
            **only(SUPERVISORS, DENIED),
            "course_editor": 400,
            "administrator": 400,
            "*": SIGN_IN,
        },
    ),
    Url(
        "questionnaires_import_items",
        "private_questionnaire",
        get={
            **only(THEIR_SUPERVISOR, 200),
            "unrelated_supervisor": 404,
            "course_editor": 404,
            "administrator": 404,
            "*": SIGN_IN,
        },
        post={
            **only(THEIR_SUPERVISOR, 400),
            "unrelated_supervisor": 404,
            "course_editor": 404,
            "administrator": 404,
            "*": SIGN_IN,
        },
    ),
]


MATRIX = Matrix(urls=URLS, kinds=KINDS, data=start_data, prepare=share_for)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms (supervision.idempotency): sent twice with one key, they create once.
CREATES = ("questionnaires:rating_start", "questionnaires_import_items")
test_create_once = double_submit_test(
    MATRIX,
    CREATES,
    sent_by={
        # The matrix posts no file (a 400); the double submit sends a valid one.
        "questionnaires_import_items": (
            "course_editor",
            lambda world, target: {
                "file": SimpleUploadedFile(
                    "items.csv", b"item text,scale,reverse key\nA new item,worry,no\n"
                )
            },
        ),
        "questionnaires:rating_start": (
            "supervisor_before_sharing",
            lambda world, target: {"subject": world["owner"].pk},
        ),
    },
)


def test_a_rating_is_read_by_its_subject_only_once_released(client, world, db):
    people, rating = world["users"], world["objects"]["rating"]
    url = reverse("worksheets:entry_detail", args=[rating.pk])
    # The rater reads it throughout; nobody else but the person rated, and only once released.
    expected_before = only(THEIR_SUPERVISOR, 200)
    expected_after = {**expected_before, "owner": 200}
    with transaction.atomic():
        for state, expected in (("before", expected_before), ("after", expected_after)):
            if state == "after":
                rating_release(entry=rating)
            for kind in KINDS[1:]:
                client.force_login(people[kind])
                status = client.get(url).status_code
                assert status == expected.get(kind, 404), f"{kind} {state} release: {status}"
        transaction.set_rollback(True)
