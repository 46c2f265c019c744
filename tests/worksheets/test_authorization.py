"""Authorization matrix for every URL in the ``worksheets`` namespace.

The URL names come from the URL resolver, so a new URL without an expectation here fails the
suite. Each row names the object the URL is tried on and, for GET and POST, the status each kind
of person gets. Everyone not listed gets the row's default. "login" means a redirect to sign in.

The people: the trainee who owns the entries (owner), another trainee, the owner's supervisor
before and after the owner shared the submitted entry, an unrelated supervisor, a course editor
and an administrator. For a supervisor's private template the supervisor is its owner.
"""

import uuid

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import URLResolver, get_resolver, reverse

from tests.factories import UserFactory, make_supervision
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

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
ALL_SIGNED_IN = KINDS[1:]


def row(obj, *, get, post, get_for=None, post_for=None):
    """An expectation: the object in the URL, default statuses, and statuses per kind of person."""
    return {"object": obj, "GET": (get, get_for or {}), "POST": (post, post_for or {})}


def only(kinds, status):
    return dict.fromkeys(kinds, status)


MATRIX = {
    "library": [row(None, get=200, post=405)],
    "entry_list": [row(None, get=200, post=405)],
    "shared_with_me": [row(None, get=200, post=405)],
    "template_detail": [
        row("library_template", get=200, post=405),
        row(
            "private_template",
            get=404,
            post=405,
            get_for=only(["supervisor_before_sharing", "supervisor_after_sharing"], 200),
        ),
    ],
    "template_start": [
        row("library_template", get=405, post=302),
        row(
            "private_template",
            get=405,
            post=404,
            post_for=only(["supervisor_before_sharing", "supervisor_after_sharing"], 302),
        ),
    ],
    "template_copy": [
        row(
            "library_template",
            get=404,
            post=404,
            get_for=only(SUPERVISORS, 200),
            post_for=only(SUPERVISORS, 302),
        ),
        row(
            "private_template",
            get=404,
            post=404,
            get_for=only(["supervisor_before_sharing", "supervisor_after_sharing"], 200),
            post_for=only(["supervisor_before_sharing", "supervisor_after_sharing"], 302),
        ),
    ],
    "template_sharing": [
        row("library_template", get=404, post=404),
        row(
            "private_template",
            get=404,
            post=404,
            get_for=only(["supervisor_before_sharing", "supervisor_after_sharing"], 200),
            post_for=only(["supervisor_before_sharing", "supervisor_after_sharing"], 302),
        ),
    ],
    "entry_detail": [
        row(
            "submitted_entry",
            get=404,
            post=405,
            get_for={"owner": 200, "supervisor_after_sharing": 200},
        ),
        # A draft is only ever its author's; the author is sent on to the edit page.
        row("draft_entry", get=404, post=405, get_for={"owner": 302}),
    ],
    "entry_print": [
        row(
            "submitted_entry",
            get=404,
            post=405,
            get_for={"owner": 200, "supervisor_after_sharing": 200},
        ),
    ],
    "entry_edit": [
        # An empty POST from the author is a page without its version: refused, nothing saved.
        row("draft_entry", get=404, post=404, get_for={"owner": 200}, post_for={"owner": 400}),
        row("submitted_entry", get=404, post=404, get_for={"owner": 302}, post_for={"owner": 302}),
    ],
    "entry_autosave": [
        row("draft_entry", get=405, post=404, post_for={"owner": 400}),
        row("submitted_entry", get=405, post=404, post_for={"owner": 409}),
    ],
    "entry_sharing": [
        row("submitted_entry", get=405, post=404, post_for={"owner": 302}),
        row("draft_entry", get=405, post=404),
    ],
    "entry_discard": [
        row("draft_entry", get=404, post=404, get_for={"owner": 200}, post_for={"owner": 302}),
        row("submitted_entry", get=404, post=404),
    ],
}


def worksheet_url_names() -> set[str]:
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace == "worksheets":
            return {entry.name for entry in pattern.url_patterns}
    raise AssertionError("The worksheets namespace is not in the URL configuration.")


def test_every_worksheets_url_has_an_expectation():
    assert worksheet_url_names() == set(MATRIX)


def build_world(course_editor, administrator):
    owner = UserFactory(display_name="Owner Trainee")
    supervisor = UserFactory(display_name="Their Supervisor")
    make_supervision(supervisor, owner)
    unrelated = UserFactory(display_name="Unrelated Supervisor")
    make_supervision(unrelated, UserFactory())
    library_template = worksheet_template_create(title="Library", body=SMALL_BODY, publish=True)
    private_template = worksheet_template_create(
        title="Private", body=SMALL_BODY, owner=supervisor, publish=True
    )
    version = library_template.versions.get()
    draft = entry_start(author=owner, template_version=version)
    submitted = submit(entry_start(author=owner, template_version=version))
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
        "library_template": library_template,
        "private_template": private_template,
        "draft_entry": draft,
        "submitted_entry": submitted,
    }
    return people, objects, supervisor


def post_data():
    # A start needs a token; every other URL ignores it and so is tried with an empty POST.
    return {"start_token": str(uuid.uuid4())}


CASES = [(name, index) for name, rows in MATRIX.items() for index in range(len(rows))]


@pytest.mark.parametrize(
    "url_name, index", CASES, ids=[f"{n}[{MATRIX[n][i]['object']}]" for n, i in CASES]
)
def test_each_kind_of_person_gets_what_they_should(
    client, course_editor, administrator, url_name, index
):
    expectation = MATRIX[url_name][index]
    people, objects, supervisor = build_world(course_editor, administrator)
    obj = objects.get(expectation["object"]) if expectation["object"] else None
    url = reverse(f"worksheets:{url_name}", args=[obj.pk] if obj else [])
    login_url = resolve_url(settings.LOGIN_URL)
    failures = []
    for kind in KINDS:
        for method in ("GET", "POST"):
            default, overrides = expectation[method]
            expected = "login" if kind == "anonymous" else overrides.get(kind, default)
            with transaction.atomic():
                if kind == "supervisor_after_sharing":
                    entry_sharing_set(
                        entry=objects["submitted_entry"],
                        supervisors=[supervisor],
                        allowed=[supervisor],
                    )
                client.logout()
                if kind != "anonymous":
                    client.force_login(people[kind])
                send = client.get if method == "GET" else client.post
                response = send(url, post_data() if method == "POST" else None)
                transaction.set_rollback(True)
            if expected == "login":
                ok = response.status_code == 302 and response.url.startswith(login_url)
            else:
                ok = response.status_code == expected
            if not ok:
                failures.append(f"{kind} {method}: expected {expected}, got {response.status_code}")
    assert not failures, f"{url}:\n" + "\n".join(failures)
