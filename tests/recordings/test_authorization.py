"""Who may do what with every URL of the recordings app (run by tests/authorization.py).

The people: the group member who uploaded the recordings (owner), the group's supervisor, another
member of the group (peer), the supervisor's own supervisor, another supervisor, a course editor
and an administrator. The recordings: a draft (not handed in), one handed in under private
review, and one handed in under open peer review.
"""

from recordings.models import Recording, RecordingUpload
from recordings.services import (
    comment_create,
    comments_release,
    recording_review_mode_set,
    recording_upload_store,
)
from supervision.models import Supervision
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure
from tests.authorization import (
    Matrix,
    Url,
    double_submit_test,
    keep_file,
    module_world,
    url_test,
)
from tests.factories import UserFactory, make_group, make_supervision
from tests.recordings.conftest import WAV, make_recording
from tests.worksheets.scoring.factories import make_questionnaire, questionnaire_template

KINDS = (
    "anonymous",
    "owner",
    "supervisor",
    "peer",
    "grand_supervisor",
    "other_supervisor",
    "course_editor",
    "administrator",
)


def build_world() -> dict:
    import io

    supervisor = UserFactory(display_name="Sam Supervisor")
    owner, peer = UserFactory(display_name="Tess Trainee"), UserFactory(display_name="Pia Peer")
    group = make_group(supervisor, [owner, peer])
    supervision = group.memberships.get(supervisee=owner)
    grand = UserFactory(display_name="Greta Grand")
    make_supervision(grand, supervisor, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    other = UserFactory(display_name="Olive Other")
    make_supervision(other, UserFactory())
    course_editor = UserFactory(display_name="Cleo Editor")
    course_editor.groups.add(groups_ensure()[COURSE_STAFF_GROUP])
    administrator = UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True)

    draft = make_recording(supervision)
    handed = make_recording(supervision, handed_in=True)
    shared = make_recording(supervision, handed_in=True)
    shared = recording_review_mode_set(
        recording=shared, mode=Recording.ReviewMode.OPEN, actor=supervisor
    )
    draft_comment = comment_create(recording=handed, author=supervisor, seconds=1, body="Draft.")
    released_comment = comment_create(recording=shared, author=peer, seconds=2, body="Nice.")
    comments_release(recording=shared, releaser=peer)
    upload = recording_upload_store(owner=owner, file_name="new.wav", handle=io.BytesIO(WAV))
    rating = make_questionnaire(
        slug="session-rating", title="Session rating", rated_by_someone_else=True
    )
    people = {
        "owner": owner,
        "supervisor": supervisor,
        "peer": peer,
        "grand_supervisor": grand,
        "other_supervisor": other,
        "course_editor": course_editor,
        "administrator": administrator,
    }
    objects = {
        "draft": draft,
        "handed": handed,
        "shared": shared,
        "draft_comment": draft_comment,
        "released_comment": released_comment,
        "upload": upload,
        "supervision": supervision,
        "rating_version": questionnaire_template(rating).versions.get(),
    }
    return {"users": people, "objects": objects}


def keep_files(world, kind):
    for target in ("draft", "handed", "shared"):
        keep_file(world["objects"][target].file, WAV)
    upload = world["objects"]["upload"]
    keep_file(upload_file(upload), WAV)


def upload_file(upload: RecordingUpload):
    from django.db.models.fields.files import FieldFile

    from supervision.attachments import private_storage

    stored = FieldFile(None, Recording._meta.get_field("file"), upload.path)
    stored.storage = private_storage()
    return stored


def new_data(world, target):
    objects = world["objects"]
    return {
        "upload": str(objects["upload"].pk),
        "supervision": str(objects["supervision"].pk),
        "kind": "therapy",
        "description": "Session 4.",
        "consent_by": "The patient (Mr K.)",
        "consent_method": "written",
        "consent_on": "2026-01-05",
        "consent_use": "Supervision",
        "delete_by": str(objects["draft"].delete_by),
    }


def comment_data(world, target):
    return {"seconds": "1.0", "body": "At this point…"}


def reply_data(world, target):
    return {"body": "Thank you."}


def rating_data(world, target):
    return {"template_version": str(world["objects"]["rating_version"].pk)}


def edit_data(world, target):
    return {"description": "Changed.", "delete_by": str(world["objects"][target].delete_by)}


def snapshot():
    from recordings.models import RecordingComment, RecordingCommentReply

    return (
        list(Recording.objects.values_list("pk", "description", "review_mode", "handed_in_at")),
        RecordingComment.objects.count(),
        list(RecordingComment.objects.values_list("pk", "status")),
        RecordingCommentReply.objects.count(),
    )


READERS = {
    "draft": {"owner": 200, "*": 404},
    "handed": {"owner": 200, "supervisor": 200, "*": 404},
    "shared": {"owner": 200, "supervisor": 200, "peer": 200, "*": 404},
}
RECORDINGS = ("draft", "handed", "shared")
NOBODY = {"*": 405}

URLS = [
    Url("recordings:list", get={"*": 200}, post=NOBODY),
    Url(
        "recordings:new",
        data=new_data,
        prepare=keep_files,
        # The peer and the supervisor (in supervision of supervision) are supervisees too and
        # may upload, but the upload is not theirs: refused beside the field.
        get={"owner": 200, "peer": 200, "supervisor": 200, "*": 403},
        post={"owner": 302, "peer": 400, "supervisor": 400, "*": 403},
    ),
    # Without tus headers a supervisee gets 400 (what is missing); the others may not upload.
    Url(
        "recordings:upload_create",
        get=NOBODY,
        post={"owner": 400, "peer": 400, "supervisor": 400, "*": 403},
    ),
    Url(
        "recordings:upload",
        "upload",
        kwargs=lambda world, target: {"upload_id": world["objects"][target].pk},
        get=NOBODY,
        post=NOBODY,
    ),
    *[Url("recordings:detail", target, get=READERS[target], post=NOBODY) for target in RECORDINGS],
    *[
        Url("recordings:media", target, prepare=keep_files, get=READERS[target], post=NOBODY)
        for target in RECORDINGS
    ],
    Url("recordings:hand_in", "draft", get=NOBODY, post={"owner": 302, "*": 404}),
    Url(
        "recordings:hand_in", "handed", get=NOBODY, post={"owner": 302, "supervisor": 403, "*": 404}
    ),
    Url("recordings:edit", "draft", data=edit_data, get=NOBODY, post={"owner": 302, "*": 404}),
    Url(
        "recordings:edit",
        "shared",
        data=edit_data,
        get=NOBODY,
        post={"owner": 302, "supervisor": 403, "peer": 403, "*": 404},
    ),
    Url(
        "recordings:delete",
        "handed",
        prepare=keep_files,
        get={"owner": 200, "supervisor": 403, "*": 404},
        post={"owner": 302, "supervisor": 403, "*": 404},
    ),
    Url(
        "recordings:review_mode",
        "shared",
        data=lambda world, target: {"review_mode": "closed"},
        get=NOBODY,
        post={"supervisor": 302, "owner": 403, "peer": 403, "*": 404},
    ),
    Url(
        "recordings:comment_add",
        "draft",
        data=comment_data,
        get=NOBODY,
        post={"owner": 302, "*": 404},
    ),
    Url(
        "recordings:comment_add",
        "shared",
        data=comment_data,
        get=NOBODY,
        post={"owner": 302, "supervisor": 302, "peer": 302, "*": 404},
    ),
    Url(
        "recordings:comments_release",
        "handed",
        get=NOBODY,
        post={"supervisor": 302, "owner": 403, "*": 404},
    ),
    Url(
        "recordings:rating_start",
        "handed",
        get=NOBODY,
        post={"supervisor": 302, "owner": 403, "*": 404},
    ),
    Url(
        "recordings:meeting_link",
        "shared",
        get=NOBODY,
        post={"supervisor": 302, "owner": 302, "peer": 403, "*": 404},
    ),
    # A draft comment is its author's alone.
    Url(
        "recordings:comment_discard",
        "draft_comment",
        get=NOBODY,
        post={"supervisor": 302, "*": 404},
    ),
    # A released comment is read by the owner, the supervisor and (open review) the peers; only
    # its author could have deleted it while it was a draft.
    Url(
        "recordings:comment_discard",
        "released_comment",
        get=NOBODY,
        post={"peer": 302, "owner": 403, "supervisor": 403, "*": 404},
    ),
    Url(
        "recordings:comment_reply",
        "released_comment",
        data=reply_data,
        get=NOBODY,
        post={"peer": 302, "owner": 302, "supervisor": 302, "*": 404},
    ),
    Url(
        "recordings:comment_reply",
        "draft_comment",
        data=reply_data,
        get=NOBODY,
        post={"supervisor": 302, "*": 404},
    ),
]

MATRIX = Matrix(urls=URLS, kinds=KINDS, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms of supervision.idempotency: each sent twice with one key creates once. The
# matrix's rating request chooses no form (refused with a message); a real choice is sent here.
CREATES = (
    "recordings:new",
    "recordings:comment_add",
    "recordings:comment_reply",
    "recordings:rating_start",
)
test_create_once = double_submit_test(
    MATRIX, CREATES, sent_by={"recordings:rating_start": ("supervisor", rating_data)}
)
