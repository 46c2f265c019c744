"""Authorization matrix for every URL in the ``feedback`` namespace.

The URL names come from the URL resolver, so a new URL without an expectation here fails the
suite. Each row names the object the URL is tried on and, for GET and POST, the status each kind
of person gets; everyone not listed gets the row's default. "login" means a redirect to sign in.
POSTs carry valid data, so a refusal is about the person and never about the input.

The people: the trainee who wrote the entry (author), their supervisor (who wrote the feedback),
another supervisor, the supervisor's own supervisor, a course editor and an administrator.
"""

import uuid

import pytest
from django.conf import settings
from django.db import transaction
from django.shortcuts import resolve_url
from django.urls import URLResolver, get_resolver, reverse

from feedback.services import feedback_create, feedback_release, feedback_update
from supervision.models import Supervision
from tests.factories import UserFactory, make_supervision
from tests.feedback.conftest import pdf
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db

KINDS = (
    "anonymous",
    "author",
    "supervisor",
    "other_supervisor",
    "grand_supervisor",
    "course_editor",
    "administrator",
)
SIGNED_IN = KINDS[1:]
BOTH_PARTIES = {"author": 200, "supervisor": 200}


def row(obj, *, get, post, get_for=None, post_for=None):
    """An expectation: the object in the URL, default statuses, and statuses per kind of person."""
    return {"object": obj, "GET": (get, get_for or {}), "POST": (post, post_for or {})}


MATRIX = {
    # Everyone signed in sees their own list (empty unless they supervise).
    "awaiting": [row(None, get=200, post=405)],
    "entry_feedback": [row("entry", get=404, post=405, get_for=BOTH_PARTIES)],
    "feedback_add": [row("entry", get=405, post=404, post_for={"supervisor": 302})],
    "feedback_release_all": [row("entry", get=405, post=404, post_for={"supervisor": 302})],
    "feedback_edit": [
        row(
            "draft",
            get=404,
            post=404,
            get_for={"supervisor": 200},
            post_for={"supervisor": 302},
        ),
        # The author reads released feedback but may not change it.
        row(
            "released",
            get=404,
            post=404,
            get_for={"supervisor": 200, "author": 403},
            post_for={"supervisor": 302, "author": 403},
        ),
    ],
    "feedback_release": [
        row("draft", get=405, post=404, post_for={"supervisor": 302}),
        row("released", get=405, post=404, post_for={"supervisor": 302, "author": 403}),
    ],
    "feedback_discard": [
        row(
            "draft",
            get=404,
            post=404,
            get_for={"supervisor": 200},
            post_for={"supervisor": 302},
        ),
        # Released feedback is part of the record: nobody deletes it.
        row(
            "released",
            get=404,
            post=404,
            get_for={"supervisor": 403, "author": 403},
            post_for={"supervisor": 403, "author": 403},
        ),
    ],
    "feedback_reply": [
        # The supervisor is told the thread opens on release; nobody else knows the draft exists.
        row("draft", get=405, post=404, post_for={"supervisor": 400}),
        row("released", get=405, post=404, post_for={"supervisor": 302, "author": 302}),
    ],
    "feedback_attachment": [
        row("draft", get=404, post=405, get_for={"supervisor": 200}),
        row("released", get=404, post=405, get_for=BOTH_PARTIES),
    ],
    "revision_attachment": [row("revision", get=404, post=405, get_for=BOTH_PARTIES)],
}


def feedback_url_names() -> set[str]:
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace == "feedback":
            return {entry.name for entry in pattern.url_patterns}
    raise AssertionError("The feedback namespace is not in the URL configuration.")


def test_every_feedback_url_has_an_expectation():
    assert feedback_url_names() == set(MATRIX)


def build_world(course_editor, administrator):
    author = UserFactory(display_name="Tess Trainee")
    supervisor = UserFactory(display_name="Sam Supervisor")
    make_supervision(supervisor, author)
    grand = UserFactory(display_name="Greta Grand")
    make_supervision(grand, supervisor, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    other = UserFactory(display_name="Olive Other")
    make_supervision(other, UserFactory())
    template = worksheet_template_create(title="Small", body=SMALL_BODY, publish=True)
    entry = submit(entry_start(author=author, template_version=template.versions.get()))
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    draft = feedback_create(
        entry=entry,
        author=supervisor,
        body="Draft thought.",
        anchor="what_happened",
        attachment=pdf(),
    )
    released = feedback_release(
        feedback=feedback_create(
            entry=entry, author=supervisor, body="Well noticed.", attachment=pdf()
        ),
        releaser=supervisor,
    )
    released = feedback_update(
        feedback=released,
        editor=supervisor,
        body="Well noticed, and well written.",
        expected_version=released.version,
        attachment=pdf("second.pdf"),
    )
    people = {
        "author": author,
        "supervisor": supervisor,
        "other_supervisor": other,
        "grand_supervisor": grand,
        "course_editor": course_editor,
        "administrator": administrator,
    }
    objects = {
        "entry": entry,
        "draft": draft,
        "released": released,
        "revision": released.revisions.get(),
    }
    return people, objects


def post_data(url_name: str, obj) -> dict:
    if url_name == "feedback_add":
        return {"body": "A new comment.", "anchor": "", "client_token": str(uuid.uuid4())}
    if url_name == "feedback_edit":
        return {"body": "Changed text.", "version": str(obj.version)}
    if url_name == "feedback_reply":
        return {"body": "Thank you.", "client_token": str(uuid.uuid4())}
    return {}


CASES = [(name, index) for name, rows in MATRIX.items() for index in range(len(rows))]


@pytest.mark.parametrize(
    "url_name, index", CASES, ids=[f"{n}[{MATRIX[n][i]['object']}]" for n, i in CASES]
)
def test_each_kind_of_person_gets_what_they_should(
    client, course_editor, administrator, url_name, index
):
    expectation = MATRIX[url_name][index]
    people, objects = build_world(course_editor, administrator)
    obj = objects.get(expectation["object"]) if expectation["object"] else None
    url = reverse(f"feedback:{url_name}", args=[obj.pk] if obj else [])
    login_url = resolve_url(settings.LOGIN_URL)
    failures = []
    for kind in KINDS:
        for method in ("GET", "POST"):
            default, overrides = expectation[method]
            expected = "login" if kind == "anonymous" else overrides.get(kind, default)
            with transaction.atomic():
                client.logout()
                if kind != "anonymous":
                    client.force_login(people[kind])
                if method == "GET":
                    response = client.get(url)
                else:
                    response = client.post(url, post_data(url_name, obj))
                transaction.set_rollback(True)
            if expected == "login":
                ok = response.status_code == 302 and response.url.startswith(login_url)
            else:
                ok = response.status_code == expected
            if not ok:
                failures.append(f"{kind} {method}: expected {expected}, got {response.status_code}")
    assert not failures, f"{url}:\n" + "\n".join(failures)
