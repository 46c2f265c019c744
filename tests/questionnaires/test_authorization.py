"""Authorization matrix for every URL in the ``questionnaires`` namespace and the CSV import admin URL.

Like ``tests/worksheets/test_authorization.py``: the URL names come from the resolver, so a new
questionnaire URL without an expectation here fails the suite. The people: the trainee whose
results these are (owner), another trainee, the owner's supervisor before and after the owner
shared both administrations (the supervisor also wrote a rating of the owner), an unrelated
supervisor, a course editor and an administrator. "login" is a redirect to sign in; "denied" is
the Wagtail admin's redirect to its home page for someone who may not take that action.
"""

import uuid

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import URLResolver, get_resolver, reverse

from questionnaires.services import rating_release
from tests.factories import UserFactory, make_supervision
from tests.worksheets.scoring.factories import (
    administer,
    make_questionnaire,
    questionnaire_template,
)
from worksheets.services.entries import entry_sharing_set

pytestmark = pytest.mark.django_db

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


def row(obj, *, get, post, get_for=None, post_for=None):
    return {"object": obj, "GET": (get, get_for or {}), "POST": (post, post_for or {})}


def only(kinds, status):
    return dict.fromkeys(kinds, status)


MATRIX = {
    "index": [row(None, get=200, post=405)],
    "history": [
        row(
            "owner_history",
            get=404,
            post=405,
            get_for={"owner": 200, "supervisor_after_sharing": 200},
        ),
    ],
    "compare": [
        row(
            "owner_history",
            get=404,
            post=405,
            get_for={"owner": 200, "supervisor_after_sharing": 200},
        ),
    ],
    "rating_start": [
        # An empty form from a supervisor names nobody to rate: refused, nothing started.
        row(
            "rating_template",
            get=404,
            post=404,
            get_for=only(SUPERVISORS, 200),
            post_for=only(SUPERVISORS, 400),
        ),
        row("questionnaire_template", get=404, post=404),
    ],
    "rating_release": [
        row("rating", get=405, post=404, post_for=only(THEIR_SUPERVISOR, 302)),
        row("owner_administration", get=405, post=404),
    ],
}

# The CSV import lives in the Wagtail admin, where people without admin access are sent to sign
# in and those who may not change the template are sent to the admin's home page.
ADMIN_MATRIX = [
    row(
        "questionnaire_template",
        get="login",
        post="login",
        get_for={**only(SUPERVISORS, "denied"), "course_editor": 200, "administrator": 200},
        post_for={**only(SUPERVISORS, "denied"), "course_editor": 400, "administrator": 400},
    ),
    row(
        "private_questionnaire",
        get="login",
        post="login",
        get_for={
            **only(THEIR_SUPERVISOR, 200),
            "unrelated_supervisor": 404,
            "course_editor": 404,
            "administrator": 404,
        },
        post_for={
            **only(THEIR_SUPERVISOR, 400),
            "unrelated_supervisor": 404,
            "course_editor": 404,
            "administrator": 404,
        },
    ),
]


def questionnaire_url_names() -> set[str]:
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace == "questionnaires":
            return {entry.name for entry in pattern.url_patterns}
    raise AssertionError("The questionnaires namespace is not in the URL configuration.")


def test_every_questionnaires_url_has_an_expectation():
    assert questionnaire_url_names() == set(MATRIX)


def build_world(course_editor, administrator):
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
    people = {
        "owner": owner,
        "other_trainee": UserFactory(display_name="Other Trainee"),
        "supervisor_before_sharing": supervisor,
        "supervisor_after_sharing": supervisor,
        "unrelated_supervisor": unrelated,
        "course_editor": course_editor,
        "administrator": administrator,
    }
    urls = {
        "index": lambda obj: reverse("questionnaires:index"),
        "history": lambda obj: reverse(
            "questionnaires:history", args=[owner.pk, version.questionnaire_key]
        ),
        "compare": lambda obj: (
            reverse("questionnaires:compare", args=[owner.pk, version.questionnaire_key])
            + f"?first={first.pk}&second={second.pk}"
        ),
    }
    objects = {
        "owner_history": None,
        "questionnaire_template": questionnaire,
        "private_questionnaire": private,
        "rating_template": rating_template,
        "rating": rating,
        "owner_administration": second,
    }

    def share():
        for entry in (first, second):
            entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])

    return people, objects, urls, share


def check(client, people, url, expectation, share):
    admin_login = reverse("wagtailadmin_login")
    admin_home = reverse("wagtailadmin_home")
    site_login = resolve_url(settings.LOGIN_URL)
    failures = []
    for kind in KINDS:
        for method in ("GET", "POST"):
            default, overrides = expectation[method]
            expected = "login" if kind == "anonymous" else overrides.get(kind, default)
            with transaction.atomic():
                if kind == "supervisor_after_sharing":
                    share()
                client.logout()
                if kind != "anonymous":
                    client.force_login(people[kind])
                send = client.get if method == "GET" else client.post
                data = {"start_token": str(uuid.uuid4())} if method == "POST" else None
                response = send(url, data)
                transaction.set_rollback(True)
            location = response.get("Location", "")
            if expected == "login":
                ok = response.status_code == 302 and (
                    location.startswith((site_login, admin_login))
                )
            elif expected == "denied":
                ok = response.status_code == 302 and location == admin_home
            else:
                ok = response.status_code == expected
            if not ok:
                failures.append(
                    f"{kind} {method}: expected {expected}, got {response.status_code} {location}"
                )
    return failures


CASES = [(name, index) for name, rows in MATRIX.items() for index in range(len(rows))]


@pytest.mark.parametrize(
    "url_name, index", CASES, ids=[f"{n}[{MATRIX[n][i]['object']}]" for n, i in CASES]
)
def test_each_kind_of_person_gets_what_they_should(
    client, course_editor, administrator, url_name, index
):
    expectation = MATRIX[url_name][index]
    people, objects, urls, share = build_world(course_editor, administrator)
    obj = objects.get(expectation["object"]) if expectation["object"] else None
    if url_name in urls:
        url = urls[url_name](obj)
    else:
        url = reverse(f"questionnaires:{url_name}", args=[obj.pk])
    failures = check(client, people, url, expectation, share)
    assert not failures, f"{url}:\n" + "\n".join(failures)


@pytest.mark.parametrize("index", range(len(ADMIN_MATRIX)))
def test_the_csv_import_admits_only_people_who_may_change_the_template(
    client, course_editor, administrator, index
):
    expectation = ADMIN_MATRIX[index]
    people, objects, _urls, share = build_world(course_editor, administrator)
    url = reverse("questionnaires_import_items", args=[objects[expectation["object"]].pk])
    failures = check(client, people, url, expectation, share)
    assert not failures, f"{url}:\n" + "\n".join(failures)


def test_a_rating_is_read_by_its_subject_only_once_released(client, course_editor, administrator):
    people, objects, _urls, _share = build_world(course_editor, administrator)
    rating = objects["rating"]
    url = reverse("worksheets:entry_detail", args=[rating.pk])
    # The rater reads it throughout; nobody else but the person rated, and only once released.
    expected_before = only(THEIR_SUPERVISOR, 200)
    expected_after = {**expected_before, "owner": 200}
    for state, expected in (("before", expected_before), ("after", expected_after)):
        if state == "after":
            rating_release(entry=rating)
        for kind in KINDS[1:]:
            client.force_login(people[kind])
            status = client.get(url).status_code
            assert status == expected.get(kind, 404), f"{kind} {state} release: {status}"
