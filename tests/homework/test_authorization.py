"""Who may do what with every URL of the homework app (run by tests/authorization.py).

The people: the supervisee (owner), their supervisor, the same two in a supervision that has
ended, and everyone else (strangers), for homework in the running and in the ended supervision.
"""

import datetime
import uuid

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from homework.models import Assignment, EntryAttachment, Occurrence, Review
from homework.services.entries import entry_attachment_add, occurrence_entry_start
from notifications.models import Notification
from supervision.models import Supervision
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure
from supervision.services.relationships import supervision_end
from tests.authorization import (
    GET_ONLY,
    POST_ONLY,
    Matrix,
    Url,
    double_submit_test,
    for_targets,
    module_world,
    url_test,
)
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
    }


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
BOTH_WHILE_ACTIVE = {
    "owner": 200,
    "supervisor": 200,
    "owner_after_end": 403,
    "supervisor_after_end": 403,
    "stranger": 404,
}


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


def pk_of(kind: str, key: str = "pk"):
    return lambda world, target: {key: world[kind][target].pk}


ACTIVE_AND_ENDED = ["current", "earlier"]
URLS = [
    Url("homework:due", get={"*": 200}, post=GET_ONLY),
    # Everyone may open "Homework I set"; it lists only what they set (tests/homework/views).
    Url("homework:set_by_me", get={"*": 200}, post=GET_ONLY),
    # Needs a worksheet and a lesson the person may read; tests/homework/test_from_lesson.py
    # covers the allowed case. Here nobody reads any course, so everyone gets a 404.
    Url("homework:assign_from_lesson", get={"*": 404}, post=GET_ONLY),
    *for_targets(
        "homework:assignment_create",
        ACTIVE_AND_ENDED,
        kwargs=pk_of("supervision", "supervision_id"),
        get={**SUPERVISOR_CHANGES, "supervisor": 200},
        post=SUPERVISOR_CHANGES,
        data=assignment_form,
    ),
    *for_targets(
        "homework:proposals_setting",
        ACTIVE_AND_ENDED,
        kwargs=pk_of("supervision", "supervision_id"),
        get=POST_ONLY,
        post=SUPERVISOR_CHANGES,
        data=lambda w, t: {"supervisee_may_propose": "on"},
    ),
    *for_targets(
        "homework:assignment_detail",
        ACTIVE_AND_ENDED,
        kwargs=pk_of("assignment"),
        get=OWNER_AND_SUPERVISOR,
        post=GET_ONLY,
    ),
    *for_targets(
        "homework:assignment_edit",
        ACTIVE_AND_ENDED,
        kwargs=pk_of("assignment"),
        get={**SUPERVISOR_CHANGES, "supervisor": 200},
        post=SUPERVISOR_CHANGES,
        data=assignment_form,
    ),
    *for_targets(
        "homework:assignment_accept",
        ACTIVE_AND_ENDED,
        kwargs=pk_of("assignment"),
        get=POST_ONLY,
        post=SUPERVISOR_CHANGES,
    ),
    *for_targets(
        "homework:assignment_drop",
        ACTIVE_AND_ENDED,
        kwargs=pk_of("assignment"),
        get=POST_ONLY,
        post=SUPERVISOR_CHANGES,
    ),
    *for_targets(
        "homework:review_create",
        ACTIVE_AND_ENDED,
        kwargs=pk_of("assignment"),
        get=BOTH_WHILE_ACTIVE,
        post={**BOTH_WHILE_ACTIVE, "owner": 302, "supervisor": 302},
        data=lambda w, t: {"outcome": "done"},
    ),
    *for_targets(
        "homework:occurrence_start",
        ACTIVE_AND_ENDED,
        kwargs=pk_of("occurrence"),
        get=POST_ONLY,
        post={**BOTH_WHILE_ACTIVE, "owner": 302, "supervisor": 403},
    ),
    Url(
        "homework:entry_reopen",
        "current",
        kwargs=pk_of("entry"),
        get=POST_ONLY,
        post=SUPERVISOR_CHANGES,
        data=lambda w, t: {"note": "Please add the second situation."},
    ),
    # The entry in this world is handed in, so its author is told files can no longer change.
    Url(
        "homework:entry_attachment_add",
        "current",
        kwargs=pk_of("entry"),
        get=POST_ONLY,
        post={"owner": 302, "supervisor": 403, "stranger": 404},
        data=lambda w, t: {"file": SimpleUploadedFile("more.txt", b"More notes")},
    ),
    Url(
        "homework:entry_attachment_download",
        "current",
        prepare=lambda w, kind: restore_file(w["attachment"]["current"]),
        kwargs=pk_of("attachment"),
        get={"owner": 200, "supervisor": 200, "stranger": 404},
        post=GET_ONLY,
    ),
    Url(
        "homework:entry_attachment_remove",
        "current",
        kwargs=pk_of("attachment"),
        get=POST_ONLY,
        post={"owner": 302, "supervisor": 403, "stranger": 404},
    ),
]


def restore_file(attachment) -> None:
    """Each test has its own media folder; put the world's file back where this test looks."""
    if not attachment.file.storage.exists(attachment.file.name):
        attachment.file.storage.save(attachment.file.name, ContentFile(b"What I noticed"))


def relation(kind, target):
    if target is None:
        return kind
    return RELATIONS[target].get(kind, "stranger"), kind


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


MATRIX = Matrix(urls=URLS, kinds=KINDS, relation=relation, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms (supervision.idempotency): sent twice with one key, they create once.
CREATES = (
    "homework:assignment_create",
    "homework:review_create",
    "homework:entry_attachment_add",
)


def _reopened(world, kind):
    Entry.objects.filter(pk=world["entry"]["current"].pk).update(status=Entry.Status.DRAFT)


test_create_once = double_submit_test(
    MATRIX,
    CREATES,
    sent_by={
        # Files are added while the entry can change; the matrix's entry is handed in.
        "homework:entry_attachment_add": (
            "owner",
            lambda w, t: {"file": SimpleUploadedFile("more.txt", b"More notes")},
            _reopened,
        )
    },
)
