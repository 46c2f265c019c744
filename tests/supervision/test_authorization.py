"""Who may do what: every URL of the supervision app, for every kind of user, with GET and POST.

The cases come from the URL resolver, not from a hand-kept list: each pattern in the
`supervision` namespace must have an entry in MATRIX, or the test for it fails. Each entry
says, per relation of the user to the object, which status GET and POST answer. Someone
else's object answers 404 (no hint that it exists); 403 means the person may see the object
but not do this to it. POSTs carry valid data, so a refusal really is a refusal: every
request runs in a savepoint that is rolled back, and a refused POST must leave the database
exactly as it was.
"""

import datetime

from django.utils import timezone

from supervision.invitation_tokens import invitation_link_kwargs
from supervision.models import (
    Attendance,
    Case,
    CaseComment,
    HoursSignOff,
    Invitation,
    Meeting,
    MeetingReflection,
    Supervision,
    SupervisionGroup,
    User,
)
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.invitations import invitation_create
from supervision.services.meetings import meeting_reflection_save
from supervision.services.people import groups_ensure
from supervision.services.relationships import supervision_end
from supervision.services.signoffs import signoff_sign, signoff_submit
from tests.authorization import (
    DENIED,
    GET_ONLY,
    SIGN_IN,
    Matrix,
    Url,
    double_submit_test,
    for_targets,
    module_world,
    only,
    url_test,
)
from tests.factories import UserFactory, make_case, make_group, make_meeting, make_supervision

USER_KINDS = (
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
MARKER = "Marker-Current-Case"


def today():
    return timezone.localdate()


def days_ago(days: int) -> datetime.date:
    return today() - datetime.timedelta(days=days)


# --- The world every request is made against ---------------------------------------------------


def build_world() -> dict:
    users = {
        "owner": UserFactory(display_name="Olive Owner"),
        "other_supervisee": UserFactory(display_name="Otto Other"),
        "supervisor": UserFactory(display_name="Sara Supervisor"),
        "unrelated_supervisor": UserFactory(display_name="Uma Unrelated"),
        "meta_supervisor": UserFactory(display_name="Max Meta"),
        "ended_supervisor": UserFactory(display_name="Eve Ended"),
        "course_editor": UserFactory(display_name="Cora Editor"),
        "administrator": UserFactory(display_name="Adam Admin", is_superuser=True, is_staff=True),
    }
    users["course_editor"].groups.add(groups_ensure()[COURSE_STAFF_GROUP])
    owner, supervisor = users["owner"], users["supervisor"]
    third = UserFactory(display_name="Pia Peer")

    # The owner's earlier supervision, ended 100 days ago, with records from before the end.
    earlier = make_supervision(users["ended_supervisor"], owner, started_on=days_ago(200))
    earlier_case = make_case(earlier, "Marker-Earlier-Case")
    Case.objects.filter(pk=earlier_case.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=150)
    )
    earlier_meeting = make_meeting(earlier, date=days_ago(150), cases=[earlier_case])
    earlier_signoff = signoff_submit(
        supervision=earlier, submitted_by=owner, starts_on=days_ago(151), ends_on=days_ago(149)
    )
    signoff_sign(signoff=earlier_signoff, actor=users["ended_supervisor"])
    supervision_end(supervision=earlier, ended_on=days_ago(100))

    # The owner's current supervision, with a case, a meeting and a private reflection.
    current = make_supervision(supervisor, owner, started_on=days_ago(60))
    case = make_case(current, MARKER)
    meeting = make_meeting(current, cases=[case], summary="Current meeting summary")
    meeting_reflection_save(
        meeting=meeting, author=owner, text="Private thought", shared_with_supervisor=False
    )
    make_meeting(current, date=days_ago(20))
    signoff = signoff_submit(
        supervision=current, submitted_by=owner, starts_on=days_ago(25), ends_on=days_ago(15)
    )
    make_supervision(
        users["meta_supervisor"], supervisor, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION
    )
    group = make_group(supervisor, [owner, third], name="Sara's group")
    group_meeting = make_meeting(group=group, cases=[case])

    # Someone else's supervision, case, meeting and group.
    other = make_supervision(users["unrelated_supervisor"], users["other_supervisee"])
    other_case = make_case(other, "Marker-Other-Case")
    other_meeting = make_meeting(other, cases=[other_case])
    make_meeting(other, date=days_ago(20))
    other_signoff = signoff_submit(
        supervision=other,
        submitted_by=users["other_supervisee"],
        starts_on=days_ago(25),
        ends_on=days_ago(15),
    )
    other_group = make_group(users["unrelated_supervisor"], [users["other_supervisee"]])

    invitation = invitation_create(
        invited_by=supervisor, supervisor=supervisor, email="invitee@example.org", site_url="/"
    )
    other_invitation = invitation_create(
        invited_by=users["unrelated_supervisor"],
        supervisor=users["unrelated_supervisor"],
        email="invitee2@example.org",
        site_url="/",
    )
    return {
        "users": users,
        "supervision": {"current": current, "earlier": earlier, "other": other},
        "case": {"current": case, "earlier": earlier_case, "other": other_case},
        "meeting": {
            "current": meeting,
            "earlier": earlier_meeting,
            "other": other_meeting,
            "group": group_meeting,
        },
        "group": {"current": group, "other": other_group},
        "invitation": {"current": invitation, "other": other_invitation},
        "signoff": {"current": signoff, "earlier": earlier_signoff, "other": other_signoff},
    }


# --- How each user stands to the object of a request ----------------------------------------

RELATIONS = {
    "current": {"owner": "owner", "supervisor": "supervisor"},
    "earlier": {"owner": "owner_after_end", "ended_supervisor": "supervisor_after_end"},
    "other": {"other_supervisee": "owner", "unrelated_supervisor": "supervisor"},
    "group": {"owner": "owner", "supervisor": "supervisor"},
}


def relation(user_kind: str, target: str | None):
    if target is None:
        return user_kind
    if user_kind in RELATIONS[target]:
        return RELATIONS[target][user_kind]
    # An administrator is a stranger to the records, unless a URL says otherwise.
    return ("administrator", "stranger") if user_kind == "administrator" else "stranger"


# --- The matrix -----------------------------------------------------------------------------

# A clinical object: the two people in the relationship, the same two after it ended, strangers.
# Supervisors and administrators invite supervisees.
INVITERS = ("supervisor", "unrelated_supervisor", "meta_supervisor", "administrator")
# What the two people may do while the relationship runs, and no longer once it has ended.
WHILE_ACTIVE_GET = {
    "owner": 200,
    "supervisor": 200,
    "owner_after_end": 403,
    "supervisor_after_end": 403,
    "stranger": 404,
}
WHILE_ACTIVE_POST = {**WHILE_ACTIVE_GET, "owner": 302, "supervisor": 302}
# What stays the supervisee's own, during and after the relationship (cases, reflections).
OWNERS_OWN = {
    "owner": 200,
    "supervisor": 403,
    "owner_after_end": 200,
    "supervisor_after_end": 403,
    "stranger": 404,
}
OWNERS_OWN_POST = {**OWNERS_OWN, "owner": 302, "owner_after_end": 302}
READ_ONLY = {
    "owner": 200,
    "supervisor": 200,
    "owner_after_end": 200,
    "supervisor_after_end": 200,
    "stranger": 404,
}


def form_data(world, name: str, target: str | None) -> dict:
    """Valid POST data for each URL, so a refusal is not just a form error."""
    users = world["users"]
    if name == "meeting_create":
        return {"date": days_ago(2), "duration_minutes": 50, "mode": "video", "observation": "none"}
    if name == "group_meeting_create":
        group = world["group"][target]
        return {
            "date": days_ago(2),
            "duration_minutes": 90,
            "mode": "in_person",
            "observation": "none",
            "attendees": [m.pk for m in group.memberships.all()],
        }
    if name == "meeting_update":
        meeting = world["meeting"][target]
        data = {
            "date": meeting.date,
            "duration_minutes": 45,
            "mode": "phone",
            "observation": "live",
            "revision": meeting.revision,
            "summary": "Changed by the matrix",
        }
        if meeting.group_id:
            data["attendees"] = [a.supervision_id for a in meeting.attendances.all()]
        return data
    if name == "signoff_list":
        # A new period for the current relationship; one overlapping the signed one for the earlier.
        if target == "earlier":
            return {"starts_on": days_ago(200), "ends_on": days_ago(100)}
        return {"starts_on": days_ago(5), "ends_on": days_ago(1)}
    if name == "signoff_return":
        return {"return_comment": "The second meeting was shorter."}
    if name == "signoff_reopen":
        return {"reopen_reason": "A date was wrong."}
    if name == "logbook_verify":
        return {"code": "1-AAAA-BBBB-CCCC-DDDD", "supervisee_name": "Olive Owner"}
    if name == "meeting_reflection":
        return {"text": "A new thought"}
    if name == "case_create":
        return {"supervision": world["supervision"]["current"].pk, "pseudonym": "Fresh"}
    if name == "case_update":
        return {"pseudonym": "Renamed", "status": "open"}
    if name == "case_comment":
        return {"text": "A comment"}
    if name == "invitation_create":
        return {
            "email": "someone.new@example.org",
            "kind": "clinical",
            "supervisor": users["supervisor"].pk,
        }
    if name == "invitation_accept":
        return {
            "display_name": "New Person",
            "password1": "a-long-secret-pass-9",
            "password2": "a-long-secret-pass-9",
        }
    if name == "relationship_start":
        return {
            "supervisor": users["unrelated_supervisor"].pk,
            "supervisee": users["owner"].pk,
            "kind": "clinical",
            "started_on": today(),
        }
    if name == "relationship_end":
        return {"ended_on": today()}
    if name == "group_start":
        return {
            "name": "New group",
            "supervisor": users["supervisor"].pk,
            "kind": "clinical",
            "started_on": today(),
            "credit_rule": "full",
        }
    if name == "group_update":
        return {"details-name": "Renamed group", "details-credit_rule": "full"}
    if name == "group_member_add":
        return {"member-supervisee": users["other_supervisee"].pk, "member-started_on": today()}
    if name == "group_end":
        return {"end-ended_on": today()}
    return {}


def data_for(name: str):
    return lambda world, target: form_data(world, name, target)


def shows_marker_to(kinds: set[str]):
    """Lists show the owner's case to exactly these kinds of people."""

    def check(response, kind):
        shown = MARKER in response.content.decode()
        if shown != (kind in kinds):
            return f"the owner's case {'shown' if shown else 'hidden'}"
        return None

    return check


def snapshot() -> tuple:
    """Enough of the database to notice any change a request could make."""
    models = (
        User,
        Supervision,
        SupervisionGroup,
        Case,
        CaseComment,
        Meeting,
        Attendance,
        MeetingReflection,
        Invitation,
        HoursSignOff,
    )
    counts = tuple(model.objects.count() for model in models)
    edits = (
        tuple(Meeting.objects.order_by("pk").values_list("pk", "revision", "duration_minutes")),
        tuple(Case.objects.order_by("pk").values_list("pk", "pseudonym")),
        tuple(Supervision.objects.order_by("pk").values_list("pk", "ended_on")),
        tuple(SupervisionGroup.objects.order_by("pk").values_list("pk", "name", "ended_on")),
        tuple(Invitation.objects.order_by("pk").values_list("pk", "cancelled_at", "accepted_at")),
        tuple(MeetingReflection.objects.order_by("pk").values_list("pk", "text")),
        tuple(HoursSignOff.objects.order_by("pk").values_list("pk", "status")),
    )
    return counts, edits


def obj_kwargs(kind: str):
    return lambda world, target: {"pk": world[kind][target].pk}


def invitation_link(world, target):
    invitation = world["invitation"]["current"]
    kwargs = invitation_link_kwargs(invitation)
    if target == "other":
        kwargs["token"] = "c0ffee-" + "0" * 20  # a made-up or mistyped link
    return kwargs


URLS = [
    # One's own account page: everyone signed in, about themselves only.
    Url("supervision:account", get={"*": 200}, post=GET_ONLY),
    # Wagtail's people list, as our viewset names and sorts it (supervision.people_admin): only
    # administrators; others who may open the admin are turned back to its home, the rest sent
    # to sign in.
    *(
        Url(
            name,
            get={
                "administrator": 200,
                "supervisor": DENIED,
                "unrelated_supervisor": DENIED,
                "meta_supervisor": DENIED,
                "course_editor": DENIED,
                "*": SIGN_IN,
            },
            post={
                "administrator": 405,
                "supervisor": DENIED,
                "unrelated_supervisor": DENIED,
                "meta_supervisor": DENIED,
                "course_editor": DENIED,
                "*": SIGN_IN,
            },
        )
        for name in ("wagtailusers_users:index", "wagtailusers_users:index_results")
    ),
    # The admins' sign-in pages send everyone to ours (with its second step).
    *(
        Url(name, get={"*": SIGN_IN, "anonymous": SIGN_IN}, post={"*": 405, "anonymous": 405})
        for name in ("cms_sign_in", "django_admin_sign_in")
    ),
    Url(
        "supervision:time_zone_report",
        get={"*": 405},
        post={"*": 204},
        data=lambda world, target: {"timezone": "Pacific/Auckland"},
    ),
    Url(
        "supervision:dashboard",
        get={"*": 200},
        post=GET_ONLY,
        check=shows_marker_to({"owner"}),
    ),
    Url(
        "supervision:meeting_list",
        get={"*": 200},
        post=GET_ONLY,
        check=shows_marker_to({"owner", "supervisor"}),
    ),
    Url(
        "supervision:case_list",
        get={"*": 200},
        post=GET_ONLY,
        check=shows_marker_to({"owner", "supervisor"}),
    ),
    Url(
        "supervision:hours",
        get={"*": 200},
        post=GET_ONLY,
        check=shows_marker_to({"owner"}),
    ),
    Url(
        "supervision:hours_csv",
        get={"*": 200},
        post=GET_ONLY,
        check=shows_marker_to({"owner"}),
    ),
    Url(
        "supervision:case_create",
        get={"*": 200},
        post={"owner": 302, "*": 200},
        data=data_for("case_create"),
    ),
    Url(
        "supervision:invitation_create",
        get={**only(INVITERS, 200), "*": 403},
        post={**only(INVITERS, 302), "*": 403},
        data=data_for("invitation_create"),
    ),
    *for_targets(
        "supervision:supervision_detail",
        ["current", "earlier", "other"],
        get=READ_ONLY,
        post=GET_ONLY,
        kwargs=obj_kwargs("supervision"),
    ),
    *for_targets(
        "supervision:supervision_hours",
        ["current", "earlier", "other"],
        get=READ_ONLY,
        post=GET_ONLY,
        kwargs=obj_kwargs("supervision"),
    ),
    *for_targets(
        "supervision:supervision_hours_csv",
        ["current", "earlier", "other"],
        get=READ_ONLY,
        post=GET_ONLY,
        kwargs=obj_kwargs("supervision"),
    ),
    *for_targets(
        "supervision:meeting_create",
        ["current", "earlier", "other"],
        get=WHILE_ACTIVE_GET,
        post=WHILE_ACTIVE_POST,
        kwargs=obj_kwargs("supervision"),
        data=data_for("meeting_create"),
    ),
    *for_targets(
        "supervision:group_detail",
        ["current", "other"],
        get={"owner": 200, "supervisor": 200, "stranger": 404},
        post=GET_ONLY,
        kwargs=obj_kwargs("group"),
    ),
    *for_targets(
        "supervision:group_meeting_create",
        ["current", "other"],
        get={"owner": 200, "supervisor": 200, "stranger": 404},
        post={"owner": 302, "supervisor": 302, "stranger": 404},
        kwargs=obj_kwargs("group"),
        data=data_for("group_meeting_create"),
    ),
    *for_targets(
        "supervision:meeting_detail",
        ["current", "earlier", "other", "group"],
        get=READ_ONLY,
        post=GET_ONLY,
        kwargs=obj_kwargs("meeting"),
    ),
    *for_targets(
        "supervision:meeting_update",
        ["current", "earlier", "other", "group"],
        get=WHILE_ACTIVE_GET,
        post=WHILE_ACTIVE_POST,
        kwargs=obj_kwargs("meeting"),
        data=data_for("meeting_update"),
    ),
    *for_targets(
        "supervision:meeting_delete",
        ["current", "earlier", "other", "group"],
        get={
            "owner": 403,
            "supervisor": 200,
            "owner_after_end": 403,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        post={
            "owner": 403,
            "supervisor": 302,
            "owner_after_end": 403,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        kwargs=obj_kwargs("meeting"),
        data=data_for("meeting_delete"),
        # A meeting someone reflected on is kept (issue 10); here the delete itself is tried.
        prepare=lambda world, kind: MeetingReflection.objects.all().delete(),
    ),
    *for_targets(
        "supervision:meeting_reflection",
        ["current", "earlier", "other", "group"],
        get=OWNERS_OWN,
        post=OWNERS_OWN_POST,
        kwargs=obj_kwargs("meeting"),
        data=data_for("meeting_reflection"),
    ),
    *for_targets(
        "supervision:case_detail",
        ["current", "earlier", "other"],
        get=READ_ONLY,
        post=GET_ONLY,
        kwargs=obj_kwargs("case"),
    ),
    *for_targets(
        "supervision:case_update",
        ["current", "earlier", "other"],
        get=OWNERS_OWN,
        post=OWNERS_OWN_POST,
        kwargs=obj_kwargs("case"),
        data=data_for("case_update"),
    ),
    *for_targets(
        "supervision:case_delete",
        ["current", "earlier", "other"],
        get=OWNERS_OWN,
        post=OWNERS_OWN_POST,
        kwargs=obj_kwargs("case"),
        data=data_for("case_delete"),
    ),
    *for_targets(
        "supervision:case_comment",
        ["current", "earlier", "other"],
        get=GET_ONLY,
        post=WHILE_ACTIVE_POST,
        kwargs=obj_kwargs("case"),
        data=data_for("case_comment"),
    ),
    *for_targets(
        "supervision:invitation_cancel",
        ["current", "other"],
        get=GET_ONLY,
        post={"supervisor": 302, "administrator": 302, "*": 404},
        kwargs=obj_kwargs("invitation"),
        data=data_for("invitation_cancel"),
    ),
    Url(
        "supervision:invitation_accept",
        "current",
        get={"anonymous": 200, "*": 200},
        post={"anonymous": 302, "*": 403},
        kwargs=invitation_link,
        data=data_for("invitation_accept"),
    ),
    Url(
        "supervision:invitation_accept",
        "other",
        get={"anonymous": 404, "*": 404},
        post={"anonymous": 404, "*": 404},
        kwargs=invitation_link,
        data=data_for("invitation_accept"),
    ),
    # Hours sign-off: the supervisee submits and withdraws, the supervisor signs, returns, reopens.
    *for_targets(
        "supervision:signoff_list",
        ["current", "earlier", "other"],
        get=READ_ONLY,
        post={
            "owner": 302,
            "supervisor": 403,
            "owner_after_end": 200,  # the form again: the period overlaps the signed one
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        kwargs=obj_kwargs("supervision"),
        data=data_for("signoff_list"),
    ),
    *for_targets(
        "supervision:signoff_detail",
        ["current", "earlier", "other"],
        get=READ_ONLY,
        post=GET_ONLY,
        kwargs=obj_kwargs("signoff"),
    ),
    *for_targets(
        "supervision:signoff_withdraw",
        ["current", "earlier", "other"],
        get=GET_ONLY,
        post={
            "owner": 302,
            "supervisor": 403,
            "owner_after_end": 302,  # refused with a message: a signed period is not withdrawn
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        kwargs=obj_kwargs("signoff"),
    ),
    *for_targets(
        "supervision:signoff_sign",
        ["current", "earlier", "other"],
        # The supervisor is sent to re-authenticate first (a forced login is not recent); a
        # period no longer awaiting signature (after_end: signed) says so, asking no password,
        # and a POST to it goes back to that page.
        get={
            "owner": 403,
            "supervisor": 302,
            "owner_after_end": 403,
            "supervisor_after_end": 200,
            "stranger": 404,
        },
        post={
            "owner": 403,
            "supervisor": 302,
            "owner_after_end": 403,
            "supervisor_after_end": 302,
            "stranger": 404,
        },
        kwargs=obj_kwargs("signoff"),
    ),
    *for_targets(
        "supervision:signoff_return",
        ["current", "earlier", "other"],
        get=GET_ONLY,
        post={
            "owner": 403,
            "supervisor": 302,
            "owner_after_end": 403,
            "supervisor_after_end": 200,  # the form again: a signed period is reopened, not returned
            "stranger": 404,
        },
        kwargs=obj_kwargs("signoff"),
        data=data_for("signoff_return"),
    ),
    *for_targets(
        "supervision:signoff_reopen",
        ["current", "earlier", "other"],
        get=GET_ONLY,
        post={
            "owner": 403,
            "supervisor": 200,  # the form again: only a signed period is reopened
            "owner_after_end": 403,
            "supervisor_after_end": 302,
            "stranger": 404,
        },
        kwargs=obj_kwargs("signoff"),
        data=data_for("signoff_reopen"),
    ),
    Url(
        "supervision:logbook_verify",
        get={"anonymous": 200, "*": 200},
        post={"anonymous": 200, "*": 200},
        data=data_for("logbook_verify"),
    ),
    Url(
        "supervision:manage",
        get={"administrator": 200, "*": 403},
        post={"administrator": 405, "*": 403},
        data=data_for("manage"),
    ),
    Url(
        "supervision:relationship_start",
        get={"administrator": 200, "*": 403},
        post={"administrator": 302, "*": 403},
        data=data_for("relationship_start"),
    ),
    Url(
        "supervision:relationship_end",
        "current",
        get={"administrator": 200, "*": 403},
        post={"administrator": 302, "*": 403},
        kwargs=obj_kwargs("supervision"),
        data=data_for("relationship_end"),
    ),
    Url(
        "supervision:group_start",
        get={"administrator": 200, "*": 403},
        post={"administrator": 302, "*": 403},
        data=data_for("group_start"),
    ),
    Url(
        "supervision:group_manage",
        "current",
        get={"administrator": 200, "*": 403},
        post={"administrator": 405, "*": 403},
        kwargs=obj_kwargs("group"),
        data=data_for("group_manage"),
    ),
    Url(
        "supervision:group_update",
        "current",
        get={"administrator": 405, "*": 403},
        post={"administrator": 302, "*": 403},
        kwargs=obj_kwargs("group"),
        data=data_for("group_update"),
    ),
    Url(
        "supervision:group_member_add",
        "current",
        get={"administrator": 405, "*": 403},
        post={"administrator": 302, "*": 403},
        kwargs=obj_kwargs("group"),
        data=data_for("group_member_add"),
    ),
    Url(
        "supervision:group_end",
        "current",
        get={"administrator": 405, "*": 403},
        post={"administrator": 302, "*": 403},
        kwargs=obj_kwargs("group"),
        data=data_for("group_end"),
    ),
]

MATRIX = Matrix(urls=URLS, kinds=USER_KINDS, relation=relation, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms (supervision.idempotency): sent twice with one key, they create once.
CREATES = (
    "supervision:case_create",
    "supervision:case_comment",
    "supervision:meeting_create",
    "supervision:group_meeting_create",
    "supervision:invitation_create",
    "supervision:relationship_start",
    "supervision:group_start",
    "supervision:group_member_add",
    "supervision:signoff_list",
)
test_create_once = double_submit_test(MATRIX, CREATES)
