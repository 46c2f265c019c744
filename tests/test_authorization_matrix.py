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

import pytest
from django.db import transaction
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from supervision.invitation_tokens import invitation_link_kwargs
from supervision.models import (
    Attendance,
    Case,
    CaseComment,
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
LOGIN = "/accounts/login/"
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
    supervision_end(supervision=earlier, ended_on=days_ago(100))

    # The owner's current supervision, with a case, a meeting and a private reflection.
    current = make_supervision(supervisor, owner, started_on=days_ago(60))
    case = make_case(current, MARKER)
    meeting = make_meeting(current, cases=[case], summary="Current meeting summary")
    meeting_reflection_save(
        meeting=meeting, author=owner, text="Private thought", shared_with_supervisor=False
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
    }


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    # Built once for the module; every test and request below runs in a rolled-back savepoint.
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)


# --- How each user stands to the object of a request ----------------------------------------

RELATIONS = {
    "current": {"owner": "owner", "supervisor": "supervisor"},
    "earlier": {"owner": "owner_after_end", "ended_supervisor": "supervisor_after_end"},
    "other": {"other_supervisee": "owner", "unrelated_supervisor": "supervisor"},
    "group": {"owner": "owner", "supervisor": "supervisor"},
}


def relation(user_kind: str, target: str | None) -> str:
    if user_kind == "anonymous":
        return "anonymous"
    if target is None:
        return user_kind
    return RELATIONS[target].get(
        user_kind, user_kind if user_kind == "administrator" else "stranger"
    )


SIGN_IN_FIRST = "sign in first"


def expected(statuses: dict, target: str | None, rel: str) -> int | str:
    if target in statuses:
        statuses = statuses[target]
    if rel in statuses:
        return statuses[rel]
    if rel == "anonymous":
        return SIGN_IN_FIRST
    if rel == "administrator" and "stranger" in statuses:
        return statuses["stranger"]
    if "*" in statuses:
        return statuses["*"]
    raise AssertionError(f"no expectation for {rel!r} on target {target!r}")


# --- The matrix -----------------------------------------------------------------------------

# A clinical object: the two people in the relationship, the same two after it ended, strangers.
READ_ONLY = {
    "owner": 200,
    "supervisor": 200,
    "owner_after_end": 200,
    "supervisor_after_end": 200,
    "stranger": 404,
}
GET_ONLY = {"*": 405}


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


def obj_kwargs(kind: str):
    return lambda world, target: {"pk": world[kind][target].pk}


def invitation_link(world, target):
    invitation = world["invitation"]["current"]
    kwargs = invitation_link_kwargs(invitation)
    if target == "other":
        kwargs["token"] = "c0ffee-" + "0" * 20  # a made-up or mistyped link
    return kwargs


MATRIX = {
    # Pages every signed-in person has; each shows only what they may read.
    "dashboard": {"GET": {"*": 200}, "POST": GET_ONLY, "shows_marker": {"owner"}},
    "meeting_list": {
        "GET": {"*": 200},
        "POST": GET_ONLY,
        "shows_marker": {"owner", "supervisor"},
    },
    "case_list": {
        "GET": {"*": 200},
        "POST": GET_ONLY,
        "shows_marker": {"owner", "supervisor"},
    },
    "hours": {"GET": {"*": 200}, "POST": GET_ONLY, "shows_marker": {"owner"}},
    "hours_csv": {"GET": {"*": 200}, "POST": GET_ONLY, "shows_marker": {"owner"}},
    # Anyone may open the form; only a supervisee's own current supervision is a valid choice.
    "case_create": {"GET": {"*": 200}, "POST": {"owner": 302, "*": 200}},
    "invitation_create": {
        "GET": {
            "supervisor": 200,
            "unrelated_supervisor": 200,
            "meta_supervisor": 200,
            "administrator": 200,
            "*": 403,
        },
        "POST": {
            "supervisor": 302,
            "unrelated_supervisor": 302,
            "meta_supervisor": 302,
            "administrator": 302,
            "*": 403,
        },
    },
    # A relationship and what hangs off it.
    "supervision_detail": {
        "targets": ["current", "earlier", "other"],
        "kwargs": obj_kwargs("supervision"),
        "GET": READ_ONLY,
        "POST": GET_ONLY,
    },
    "supervision_hours": {
        "targets": ["current", "earlier", "other"],
        "kwargs": obj_kwargs("supervision"),
        "GET": READ_ONLY,
        "POST": GET_ONLY,
    },
    "supervision_hours_csv": {
        "targets": ["current", "earlier", "other"],
        "kwargs": obj_kwargs("supervision"),
        "GET": READ_ONLY,
        "POST": GET_ONLY,
    },
    "meeting_create": {
        "targets": ["current", "earlier", "other"],
        "kwargs": obj_kwargs("supervision"),
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
    },
    "group_detail": {
        "targets": ["current", "other"],
        "kwargs": obj_kwargs("group"),
        "GET": {"owner": 200, "supervisor": 200, "stranger": 404},
        "POST": GET_ONLY,
    },
    "group_meeting_create": {
        "targets": ["current", "other"],
        "kwargs": obj_kwargs("group"),
        "GET": {"owner": 200, "supervisor": 200, "stranger": 404},
        "POST": {"owner": 302, "supervisor": 302, "stranger": 404},
    },
    # Meetings, individual and group.
    "meeting_detail": {
        "targets": ["current", "earlier", "other", "group"],
        "kwargs": obj_kwargs("meeting"),
        "GET": READ_ONLY,
        "POST": GET_ONLY,
    },
    "meeting_update": {
        "targets": ["current", "earlier", "other", "group"],
        "kwargs": obj_kwargs("meeting"),
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
    },
    "meeting_delete": {
        "targets": ["current", "earlier", "other", "group"],
        "kwargs": obj_kwargs("meeting"),
        "GET": {
            "owner": 403,
            "supervisor": 200,
            "owner_after_end": 403,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        "POST": {
            "owner": 403,
            "supervisor": 302,
            "owner_after_end": 403,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
    },
    "meeting_reflection": {
        "targets": ["current", "earlier", "other", "group"],
        "kwargs": obj_kwargs("meeting"),
        "GET": {
            "owner": 200,
            "supervisor": 403,
            "owner_after_end": 200,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        "POST": {
            "owner": 302,
            "supervisor": 403,
            "owner_after_end": 302,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
    },
    # Cases.
    "case_detail": {
        "targets": ["current", "earlier", "other"],
        "kwargs": obj_kwargs("case"),
        "GET": READ_ONLY,
        "POST": GET_ONLY,
    },
    "case_update": {
        "targets": ["current", "earlier", "other"],
        "kwargs": obj_kwargs("case"),
        "GET": {
            "owner": 200,
            "supervisor": 403,
            "owner_after_end": 200,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        "POST": {
            "owner": 302,
            "supervisor": 403,
            "owner_after_end": 302,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
    },
    "case_delete": {
        "targets": ["current", "earlier", "other"],
        "kwargs": obj_kwargs("case"),
        "GET": {
            "owner": 200,
            "supervisor": 403,
            "owner_after_end": 200,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
        "POST": {
            "owner": 302,
            "supervisor": 403,
            "owner_after_end": 302,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
    },
    "case_comment": {
        "targets": ["current", "earlier", "other"],
        "kwargs": obj_kwargs("case"),
        "GET": GET_ONLY,
        "POST": {
            "owner": 302,
            "supervisor": 302,
            "owner_after_end": 403,
            "supervisor_after_end": 403,
            "stranger": 404,
        },
    },
    # Invitations: the one page for people without an account yet.
    "invitation_cancel": {
        "targets": ["current", "other"],
        "kwargs": obj_kwargs("invitation"),
        "GET": GET_ONLY,
        "POST": {"supervisor": 302, "administrator": 302, "*": 404},
    },
    "invitation_accept": {
        "targets": ["current", "other"],
        "kwargs": invitation_link,
        "GET": {"current": {"anonymous": 200, "*": 200}, "other": {"anonymous": 404, "*": 404}},
        "POST": {"current": {"anonymous": 302, "*": 403}, "other": {"anonymous": 404, "*": 404}},
    },
    # Programme administration: people and dates, for administrators only.
    "manage": {"GET": {"administrator": 200, "*": 403}, "POST": {"administrator": 405, "*": 403}},
    "relationship_start": {
        "GET": {"administrator": 200, "*": 403},
        "POST": {"administrator": 302, "*": 403},
    },
    "relationship_end": {
        "targets": ["current"],
        "kwargs": obj_kwargs("supervision"),
        "GET": {"administrator": 200, "*": 403},
        "POST": {"administrator": 302, "*": 403},
    },
    "group_start": {
        "GET": {"administrator": 200, "*": 403},
        "POST": {"administrator": 302, "*": 403},
    },
    "group_manage": {
        "targets": ["current"],
        "kwargs": obj_kwargs("group"),
        "GET": {"administrator": 200, "*": 403},
        "POST": {"administrator": 405, "*": 403},
    },
    "group_update": {
        "targets": ["current"],
        "kwargs": obj_kwargs("group"),
        "GET": {"administrator": 405, "*": 403},
        "POST": {"administrator": 302, "*": 403},
    },
    "group_member_add": {
        "targets": ["current"],
        "kwargs": obj_kwargs("group"),
        "GET": {"administrator": 405, "*": 403},
        "POST": {"administrator": 302, "*": 403},
    },
    "group_end": {
        "targets": ["current"],
        "kwargs": obj_kwargs("group"),
        "GET": {"administrator": 405, "*": 403},
        "POST": {"administrator": 302, "*": 403},
    },
}


def supervision_patterns() -> dict:
    for pattern in get_resolver().url_patterns:
        if isinstance(pattern, URLResolver) and pattern.namespace == "supervision":
            return {p.name: p for p in pattern.url_patterns}
    raise AssertionError("the supervision namespace is not in the URLconf")


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
    )
    counts = tuple(model.objects.count() for model in models)
    edits = (
        tuple(Meeting.objects.order_by("pk").values_list("pk", "revision", "duration_minutes")),
        tuple(Case.objects.order_by("pk").values_list("pk", "pseudonym")),
        tuple(Supervision.objects.order_by("pk").values_list("pk", "ended_on")),
        tuple(SupervisionGroup.objects.order_by("pk").values_list("pk", "name", "ended_on")),
        tuple(Invitation.objects.order_by("pk").values_list("pk", "cancelled_at", "accepted_at")),
        tuple(MeetingReflection.objects.order_by("pk").values_list("pk", "text")),
    )
    return counts, edits


def test_every_pattern_has_an_expectation_and_every_expectation_a_pattern():
    patterns = set(supervision_patterns())
    assert patterns - set(MATRIX) == set(), "URL patterns without an expectation"
    assert set(MATRIX) - patterns == set(), "expectations for URL patterns that do not exist"


@pytest.mark.parametrize("name", sorted(supervision_patterns()))
def test_url(name, world, db):
    spec = MATRIX.get(name)
    if spec is None:
        pytest.fail(f"The URL pattern {name!r} has no expectation in the authorization matrix.")
    failures = []
    checked_kinds = set()
    for target in spec.get("targets", [None]):
        kwargs = spec["kwargs"](world, target) if "kwargs" in spec else {}
        url = reverse(f"supervision:{name}", kwargs=kwargs)
        for kind in USER_KINDS:
            rel = relation(kind, target)
            for method in ("GET", "POST"):
                want = expected(spec[method], target, rel)
                with transaction.atomic():
                    client = Client()
                    if kind != "anonymous":
                        client.force_login(world["users"][kind])
                    before = snapshot()
                    if method == "GET":
                        response = client.get(url)
                    else:
                        response = client.post(url, form_data(world, name, target))
                    after = snapshot()
                    transaction.set_rollback(True)
                checked_kinds.add(kind)
                where = f"{method} {url} as {kind} ({rel}, target {target})"
                if want == SIGN_IN_FIRST:
                    location = response.get("Location", "")
                    if response.status_code != 302 or not location.startswith(LOGIN):
                        failures.append(f"{where}: expected a redirect to sign in")
                elif response.status_code != want:
                    failures.append(f"{where}: expected {want}, got {response.status_code}")
                    continue
                refused = want in (403, 404, 405, 200, SIGN_IN_FIRST)
                if method == "POST" and refused and after != before:
                    failures.append(f"{where}: a refused request changed the database")
                if method == "GET" and want == 200 and "shows_marker" in spec:
                    shown = MARKER in response.content.decode()
                    if shown != (kind in spec["shows_marker"]):
                        failures.append(
                            f"{where}: the owner's case {'shown' if shown else 'hidden'}"
                        )
    assert checked_kinds == set(USER_KINDS)
    assert not failures, "\n".join(failures)
