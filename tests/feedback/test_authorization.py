"""Who may do what with every URL of the feedback app (run by tests/authorization.py).

Each URL is tried on an object; everyone not named gets the ``"*"`` status. POSTs carry valid
data, so a refusal is about the person and never about the input.

The people: the trainee who wrote the entry (author), their supervisor (who wrote the feedback),
another supervisor, the supervisor's own supervisor, a course editor and an administrator.
"""

import uuid

from feedback.services import feedback_create, feedback_release, feedback_update
from supervision.models import Supervision
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure
from tests.authorization import Matrix, Url, double_submit_test, keep_file, module_world, url_test
from tests.factories import UserFactory, make_supervision
from tests.feedback.conftest import PDF_BYTES, pdf
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

KINDS = (
    "anonymous",
    "author",
    "supervisor",
    "other_supervisor",
    "grand_supervisor",
    "course_editor",
    "administrator",
)
BOTH_PARTIES = {"author": 200, "supervisor": 200}


def build_world() -> dict:
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
    course_editor = UserFactory(display_name="Cleo Editor")
    course_editor.groups.add(groups_ensure()[COURSE_STAFF_GROUP])
    administrator = UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True)
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
    return {"users": people, "objects": objects}


def edit_data(world, target):
    return {"body": "Changed text.", "version": str(world["objects"][target].version)}


def reply_data(world, target):
    return {"body": "Thank you.", "submission_key": str(uuid.uuid4())}


def keep_attachments(world, kind):
    objects = world["objects"]
    for stored in (
        objects["draft"].attachment,
        objects["released"].attachment,
        objects["revision"].previous_attachment,
    ):
        keep_file(stored, PDF_BYTES)


URLS = [
    Url("feedback:awaiting", get={"*": 200}, post={"*": 405}),
    Url("feedback:entry_feedback", "entry", get={**BOTH_PARTIES, "*": 404}, post={"*": 405}),
    Url(
        "feedback:feedback_add",
        "entry",
        get={"*": 405},
        post={"supervisor": 302, "*": 404},
        data=lambda w, t: {
            "body": "A new comment.",
            "anchor": "",
            "submission_key": str(uuid.uuid4()),
        },
    ),
    Url(
        "feedback:feedback_release_all", "entry", get={"*": 405}, post={"supervisor": 302, "*": 404}
    ),
    Url(
        "feedback:feedback_edit",
        "draft",
        data=edit_data,
        get={"supervisor": 200, "*": 404},
        post={"supervisor": 302, "*": 404},
    ),
    # The author reads released feedback but may not change it.
    Url(
        "feedback:feedback_edit",
        "released",
        data=edit_data,
        get={"supervisor": 200, "author": 403, "*": 404},
        post={"supervisor": 302, "author": 403, "*": 404},
    ),
    Url("feedback:feedback_release", "draft", get={"*": 405}, post={"supervisor": 302, "*": 404}),
    Url(
        "feedback:feedback_release",
        "released",
        get={"*": 405},
        post={"supervisor": 302, "author": 403, "*": 404},
    ),
    Url(
        "feedback:feedback_discard",
        "draft",
        get={"supervisor": 200, "*": 404},
        post={"supervisor": 302, "*": 404},
    ),
    # Released feedback is part of the record: nobody deletes it.
    Url(
        "feedback:feedback_discard",
        "released",
        get={"supervisor": 403, "author": 403, "*": 404},
        post={"supervisor": 403, "author": 403, "*": 404},
    ),
    # The supervisor is told the thread opens on release; nobody else knows the draft exists.
    Url(
        "feedback:feedback_reply",
        "draft",
        data=reply_data,
        get={"*": 405},
        post={"supervisor": 400, "*": 404},
    ),
    Url(
        "feedback:feedback_reply",
        "released",
        data=reply_data,
        get={"*": 405},
        post={"supervisor": 302, "author": 302, "*": 404},
    ),
    Url(
        "feedback:feedback_attachment",
        "draft",
        prepare=keep_attachments,
        get={"supervisor": 200, "*": 404},
        post={"*": 405},
    ),
    Url(
        "feedback:feedback_attachment",
        "released",
        prepare=keep_attachments,
        get={**BOTH_PARTIES, "*": 404},
        post={"*": 405},
    ),
    Url(
        "feedback:revision_attachment",
        "revision",
        prepare=keep_attachments,
        get={**BOTH_PARTIES, "*": 404},
        post={"*": 405},
    ),
]

MATRIX = Matrix(urls=URLS, kinds=KINDS)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms (supervision.idempotency): sent twice with one key, they create once.
CREATES = (
    "feedback:feedback_add",
    "feedback:feedback_reply",
)
test_create_once = double_submit_test(MATRIX, CREATES)
