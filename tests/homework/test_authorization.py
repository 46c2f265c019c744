"""Who may do what: every URL of the homework and notifications apps, every kind of user, GET and POST.

The cases come from the URL resolver: a pattern with no expectation in MATRIX fails. Someone
else's object answers 404; 403 means the person may see it but not do this; each request runs in
a rolled-back savepoint and a refused POST must leave the database as it was.
"""

import datetime
import uuid

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from homework.models import Assignment, EntryAttachment, Occurrence, Review
from homework.services.entries import entry_attachment_add, occurrence_entry_start
from notifications.models import Notification
from supervision.models import Supervision
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment
from worksheets.models import Entry
from worksheets.services.entries import entry_submit

KINDS = (
    "anonymous",
    "owner",
    "other_supervisee",
    "supervisor",
    "unrelated_supervisor",
    "meta_supervisor",
    "ended_supervisor",
    "course_editor",
    "administrator",
)
LOGIN = "/accounts/login/"
SIGN_IN = "sign in"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def build_world():
    users = {kind: UserFactory(display_name=kind.replace("_", " ").title()) for kind in KINDS[1:]}
    users["administrator"].is_superuser = users["administrator"].is_staff = True
    users["administrator"].save()
    users["course_editor"].groups.add(groups_ensure()[COURSE_STAFF_GROUP])
    owner, supervisor = users["owner"], users["supervisor"]

    earlier = make_supervision(users["ended_supervisor"], owner, started_on=days_ago(200))
    earlier_assignment = make_assignment(earlier, title="Earlier homework")
    supervision_end(supervision=earlier, ended_on=days_ago(1))

    current = make_supervision(supervisor, owner, started_on=days_ago(60))
    make_supervision(
        users["meta_supervisor"], supervisor, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION
    )
    assignment = make_assignment(current, title="Current homework")
    submitted = make_assignment(current, title="Handed-in homework")
    entry = occurrence_entry_start(occurrence=submitted.expected.get(), author=owner)
    attachment = entry_attachment_add(
        entry=entry, author=owner, upload=SimpleUploadedFile("notes.txt", b"What I noticed")
    )
    entry = entry_submit(
        entry=entry,
        answers={},
        reflection="Done",
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )
    other = make_supervision(users["unrelated_supervisor"], users["other_supervisee"])
    make_assignment(other, title="Other homework")
    notification = Notification.objects.filter(recipient=owner).first()
    return {
        "users": users,
        "supervision": {"current": current, "earlier": earlier},
        "assignment": {"current": assignment, "earlier": earlier_assignment},
        "occurrence": {
            "current": assignment.expected.get(),
            "earlier": earlier_assignment.expected.get(),
        },
        "entry": {"current": entry},
        "attachment": {"current": attachment},
        "notification": {"current": notification},
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


# How each kind of user stands to the target object.
RELATIONS = {
    "current": {"owner": "owner", "supervisor": "supervisor"},
    "earlier": {"owner": "owner_after_end", "ended_supervisor": "supervisor_after_end"},
}

OWNER_AND_SUPERVISOR = {
    "owner": 200,
    "supervisor": 200,
    "owner_after_end": 200,
    "supervisor_after_end": 200,
    "stranger": 404,
}
SUPERVISOR_CHANGES = {
    "supervisor": 302,
    "owner": 403,
    "supervisor_after_end": 403,
    "owner_after_end": 403,
    "stranger": 404,
}
POST_ONLY = {"*": 405}
GET_ONLY = {"*": 405}


def assignment_form(world, target):
    data = {
        "title": "Changed",
        "category": "self_work",
        "instructions": "Do it",
        "rationale": "Because",
        "schedule": "once",
        "starts_on": timezone.localdate() + datetime.timedelta(days=3),
        "occurrences": 1,
        "confidence": 8,
        "obstacles-TOTAL_FORMS": "0",
        "obstacles-INITIAL_FORMS": "0",
        "obstacles-MIN_NUM_FORMS": "0",
        "obstacles-MAX_NUM_FORMS": "10",
    }
    if target in world["assignment"]:
        data["version"] = world["assignment"][target].version
    return data


MATRIX = {
    "homework:due": {"GET": {"*": 200}, "POST": GET_ONLY},
    # Needs a worksheet and a lesson the person may read; tests/homework/test_from_lesson.py
    # covers the allowed case. Here nobody reads any course, so everyone gets a 404.
    "homework:assign_from_lesson": {"GET": {"*": 404}, "POST": GET_ONLY},
    "homework:assignment_create": {
        "targets": ["current", "earlier"],
        "kwargs": lambda w, t: {"supervision_id": w["supervision"][t].pk},
        "GET": {**SUPERVISOR_CHANGES, "supervisor": 200},
        "POST": SUPERVISOR_CHANGES,
        "data": assignment_form,
    },
    "homework:proposals_setting": {
        "targets": ["current", "earlier"],
        "kwargs": lambda w, t: {"supervision_id": w["supervision"][t].pk},
        "GET": POST_ONLY,
        "POST": SUPERVISOR_CHANGES,
        "data": lambda w, t: {"supervisee_may_propose": "on"},
    },
    "homework:assignment_detail": {
        "targets": ["current", "earlier"],
        "kwargs": lambda w, t: {"pk": w["assignment"][t].pk},
        "GET": OWNER_AND_SUPERVISOR,
        "POST": GET_ONLY,
    },
    "homework:assignment_edit": {
        "targets": ["current", "earlier"],
        "kwargs": lambda w, t: {"pk": w["assignment"][t].pk},
        "GET": {**SUPERVISOR_CHANGES, "supervisor": 200},
        "POST": SUPERVISOR_CHANGES,
        "data": assignment_form,
    },
    "homework:assignment_accept": {
        "targets": ["current", "earlier"],
        "kwargs": lambda w, t: {"pk": w["assignment"][t].pk},
        "GET": POST_ONLY,
        "POST": SUPERVISOR_CHANGES,
    },
    "homework:assignment_drop": {
        "targets": ["current", "earlier"],
        "kwargs": lambda w, t: {"pk": w["assignment"][t].pk},
        "GET": POST_ONLY,
        "POST": SUPERVISOR_CHANGES,
    },
    "homework:review_create": {
        "targets": ["current", "earlier"],
        "kwargs": lambda w, t: {"pk": w["assignment"][t].pk},
        "GET": {
            "owner": 200,
            "supervisor": 200,
            "owner_after_end": 403,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        "POST": {
            "owner": 302,
            "supervisor": 302,
            "owner_after_end": 403,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        "data": lambda w, t: {"outcome": "done"},
    },
    "homework:occurrence_start": {
        "targets": ["current", "earlier"],
        "kwargs": lambda w, t: {"pk": w["occurrence"][t].pk},
        "GET": POST_ONLY,
        "POST": {
            "owner": 302,
            "supervisor": 403,
            "owner_after_end": 403,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
    },
    "homework:entry_reopen": {
        "targets": ["current"],
        "kwargs": lambda w, t: {"pk": w["entry"][t].pk},
        "GET": POST_ONLY,
        "POST": SUPERVISOR_CHANGES,
        "data": lambda w, t: {"note": "Please add the second situation."},
    },
    # The entry in this world is handed in, so its author is told files can no longer change.
    "homework:entry_attachment_add": {
        "targets": ["current"],
        "kwargs": lambda w, t: {"pk": w["entry"][t].pk},
        "GET": POST_ONLY,
        "POST": {"owner": 302, "supervisor": 403, "stranger": 404},
        "data": lambda w, t: {"file": SimpleUploadedFile("more.txt", b"More notes")},
    },
    "homework:entry_attachment_download": {
        "targets": ["current"],
        "prepare": lambda w: restore_file(w["attachment"]["current"]),
        "kwargs": lambda w, t: {"pk": w["attachment"][t].pk},
        "GET": {"owner": 200, "supervisor": 200, "stranger": 404},
        "POST": GET_ONLY,
    },
    "homework:entry_attachment_remove": {
        "targets": ["current"],
        "kwargs": lambda w, t: {"pk": w["attachment"][t].pk},
        "GET": POST_ONLY,
        "POST": {"owner": 302, "supervisor": 403, "stranger": 404},
    },
    "notifications:list": {"GET": {"*": 200}, "POST": GET_ONLY},
    "notifications:open": {
        "targets": ["current"],
        "kwargs": lambda w, t: {"notification_id": w["notification"][t].pk},
        "GET": POST_ONLY,
        "POST": {"owner": 302, "*": 404},
    },
    "notifications:read_all": {"GET": POST_ONLY, "POST": {"*": 302}},
}


def restore_file(attachment) -> None:
    """Each test has its own media folder; put the world's file back where this test looks."""
    if not attachment.file.storage.exists(attachment.file.name):
        attachment.file.storage.save(attachment.file.name, ContentFile(b"What I noticed"))


def url_names() -> set[str]:
    names = set()
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace in ("homework", "notifications"):
            names |= {f"{pattern.namespace}:{p.name}" for p in pattern.url_patterns}
    return names


def relation(kind, target):
    if kind == "anonymous":
        return "anonymous"
    if target is None:
        return kind
    return RELATIONS[target].get(kind, "stranger")


def expected(statuses, kind, rel):
    for key in (rel, kind):
        if key in statuses:
            return statuses[key]
    if rel == "anonymous":
        return SIGN_IN
    return statuses["*"] if "*" in statuses else statuses["stranger"]


def snapshot():
    return (
        tuple(Supervision.objects.order_by("pk").values_list("pk", "supervisee_may_propose")),
        tuple(Assignment.objects.order_by("pk").values_list("pk", "title", "status", "version")),
        Occurrence.objects.exclude(entry=None).count(),
        tuple(Entry.objects.order_by("pk").values_list("pk", "status")),
        Review.objects.count(),
        EntryAttachment.objects.count(),
        Notification.objects.filter(read_at__isnull=False).count(),
    )


def test_every_url_has_an_expectation_and_every_expectation_a_url():
    assert url_names() - set(MATRIX) == set(), "URL patterns without an expectation"
    assert set(MATRIX) - url_names() == set(), "expectations for URLs that do not exist"


@pytest.mark.parametrize("name", sorted(url_names()))
def test_url(name, world, db):
    spec = MATRIX.get(name)
    if spec is None:
        pytest.fail(f"{name} has no expectation in the homework authorization matrix")
    failures = []
    if "prepare" in spec:
        spec["prepare"](world)
    for target in spec.get("targets", [None]):
        url = reverse(name, kwargs=spec["kwargs"](world, target) if "kwargs" in spec else {})
        for kind in KINDS:
            rel = relation(kind, target)
            for method in ("GET", "POST"):
                want = expected(spec[method], kind, rel)
                with transaction.atomic():
                    client = Client()
                    if kind != "anonymous":
                        client.force_login(world["users"][kind])
                    before = snapshot()
                    if method == "GET":
                        response = client.get(url)
                    else:
                        data = spec.get("data", lambda w, t: {})(world, target)
                        response = client.post(url, data)
                    after = snapshot()
                    transaction.set_rollback(True)
                where = f"{method} {url} as {kind} ({rel})"
                if want == SIGN_IN:
                    if response.status_code != 302 or not response["Location"].startswith(LOGIN):
                        failures.append(f"{where}: expected a redirect to sign in")
                elif response.status_code != want:
                    failures.append(f"{where}: expected {want}, got {response.status_code}")
                elif method == "POST" and want != 302 and after != before:
                    failures.append(f"{where}: a refused request changed the database")
    assert not failures, "\n".join(failures)
