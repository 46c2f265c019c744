"""Who may do what with every URL of the worksheets app (run by tests/authorization.py).

Each URL is tried on an object; everyone not named gets the ``"*"`` status. The people: the
trainee who owns the entries (owner), another trainee, the owner's supervisor before and after
the owner shared the submitted entry, an unrelated supervisor, a course editor and an
administrator. For a supervisor's private template the supervisor is its owner.
"""

import uuid

from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure
from tests.authorization import (
    SIGN_IN,
    Matrix,
    Url,
    double_submit_test,
    module_world,
    only,
    url_test,
)
from tests.factories import UserFactory, make_supervision
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

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
# Supervisors (their own templates), course staff (the library) and administrators use the admin.
ADMIN_USERS = (*SUPERVISORS, "course_editor", "administrator")
ADMIN_ACCESS = {"owner": SIGN_IN, "other_trainee": SIGN_IN}
CHOOSER = {**ADMIN_ACCESS, "*": 200}
CHOOSER_POST = {**ADMIN_ACCESS, "*": 405}


def build_world() -> dict:
    owner = UserFactory(display_name="Owner Trainee")
    supervisor = UserFactory(display_name="Their Supervisor")
    make_supervision(supervisor, owner)
    unrelated = UserFactory(display_name="Unrelated Supervisor")
    make_supervision(unrelated, UserFactory())
    course_editor = UserFactory(display_name="Cleo Editor")
    course_editor.groups.add(groups_ensure()[COURSE_STAFF_GROUP])
    library_template = worksheet_template_create(title="Library", body=SMALL_BODY, publish=True)
    private_template = worksheet_template_create(
        title="Private", body=SMALL_BODY, owner=supervisor, publish=True
    )
    version = library_template.versions.get()
    draft = entry_start(author=owner, template_version=version)
    submitted = submit(entry_start(author=owner, template_version=version))
    users = {
        "owner": owner,
        "other_trainee": UserFactory(display_name="Other Trainee"),
        "supervisor_before_sharing": supervisor,
        "supervisor_after_sharing": supervisor,
        "unrelated_supervisor": unrelated,
        "course_editor": course_editor,
        "administrator": UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True),
    }
    objects = {
        "library_template": library_template,
        "private_template": private_template,
        "draft_entry": draft,
        "submitted_entry": submitted,
    }
    return {"users": users, "objects": objects, "supervisor": supervisor}


def share_for(world, kind):
    """The supervisor after sharing reads the submitted entry its author shared with them."""
    if kind == "supervisor_after_sharing":
        entry = world["objects"]["submitted_entry"]
        supervisor = world["supervisor"]
        entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])


def post_data(world, target):
    # A start needs a token; every other URL ignores it and so is tried with an empty POST.
    return {"submission_key": str(uuid.uuid4())}


URLS = [
    Url("worksheets:library", get={"*": 200}, post={"*": 405}),
    Url("worksheets:entry_list", get={"*": 200}, post={"*": 405}),
    Url("worksheets:shared_with_me", get={"*": 200}, post={"*": 405}),
    Url("worksheets:template_detail", "library_template", get={"*": 200}, post={"*": 405}),
    Url(
        "worksheets:template_detail",
        "private_template",
        get={**only(THEIR_SUPERVISOR, 200), "*": 404},
        post={"*": 405},
    ),
    Url("worksheets:template_start", "library_template", get={"*": 405}, post={"*": 302}),
    Url(
        "worksheets:template_start",
        "private_template",
        get={"*": 405},
        post={**only(THEIR_SUPERVISOR, 302), "*": 404},
    ),
    Url(
        "worksheets:template_copy",
        "library_template",
        get={**only(SUPERVISORS, 200), "*": 404},
        post={**only(SUPERVISORS, 302), "*": 404},
    ),
    Url(
        "worksheets:template_copy",
        "private_template",
        get={**only(THEIR_SUPERVISOR, 200), "*": 404},
        post={**only(THEIR_SUPERVISOR, 302), "*": 404},
    ),
    Url("worksheets:template_sharing", "library_template", get={"*": 404}, post={"*": 404}),
    Url(
        "worksheets:template_sharing",
        "private_template",
        get={**only(THEIR_SUPERVISOR, 200), "*": 404},
        post={**only(THEIR_SUPERVISOR, 302), "*": 404},
    ),
    Url(
        "worksheets:entry_detail",
        "submitted_entry",
        get={"owner": 200, "supervisor_after_sharing": 200, "*": 404},
        post={"*": 405},
    ),
    # A draft is only ever its author's; the author is sent on to the edit page.
    Url("worksheets:entry_detail", "draft_entry", get={"owner": 302, "*": 404}, post={"*": 405}),
    Url(
        "worksheets:entry_print",
        "submitted_entry",
        get={"owner": 200, "supervisor_after_sharing": 200, "*": 404},
        post={"*": 405},
    ),
    # An empty POST from the author is a page without its version: refused, nothing saved.
    Url(
        "worksheets:entry_edit",
        "draft_entry",
        get={"owner": 200, "*": 404},
        post={"owner": 400, "*": 404},
    ),
    Url(
        "worksheets:entry_edit",
        "submitted_entry",
        get={"owner": 302, "*": 404},
        post={"owner": 302, "*": 404},
    ),
    Url("worksheets:entry_autosave", "draft_entry", get={"*": 405}, post={"owner": 400, "*": 404}),
    Url(
        "worksheets:entry_autosave",
        "submitted_entry",
        get={"*": 405},
        post={"owner": 409, "*": 404},
    ),
    Url(
        "worksheets:entry_sharing", "submitted_entry", get={"*": 405}, post={"owner": 302, "*": 404}
    ),
    Url("worksheets:entry_sharing", "draft_entry", get={"*": 405}, post={"*": 404}),
    Url(
        "worksheets:entry_discard",
        "draft_entry",
        get={"owner": 200, "*": 404},
        post={"owner": 302, "*": 404},
    ),
    Url(
        "worksheets:entry_discard", "submitted_entry", get={"*": 404}, post={"*": 404}
    ),  # Views our Wagtail hooks add to the admin: people without admin access are sent to sign in.
    Url(
        "wagtailsnippets_worksheets_worksheettemplate:add",
        get={**ADMIN_ACCESS, "*": 200},
        post={**ADMIN_ACCESS, "*": 200},  # an empty worksheet is refused, nothing saved
        data=lambda world, target: {
            "title": "A worksheet of my own",
            "body-count": "0",
            "scoring-count": "0",
        },
    ),
    *[
        Url(
            f"wagtailsnippetchoosers_worksheets_worksheettemplate:{name}",
            get=CHOOSER,
            post=CHOOSER_POST,
        )
        for name in ("choose", "choose_results", "chosen_multiple")
    ],
    Url(
        "wagtailsnippetchoosers_worksheets_worksheettemplate:chosen",
        "library_template",
        get=CHOOSER,
        post=CHOOSER_POST,
    ),
    # Someone's own template is chosen only by those it is shared with, not even by an admin.
    Url(
        "wagtailsnippetchoosers_worksheets_worksheettemplate:chosen",
        "private_template",
        get={**CHOOSER, **only(ADMIN_USERS, 404), **only(THEIR_SUPERVISOR, 200)},
        post=CHOOSER_POST,
    ),
]

MATRIX = Matrix(urls=URLS, kinds=KINDS, data=post_data, prepare=share_for)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms (supervision.idempotency): sent twice with one key, they create once.
CREATES = (
    "worksheets:template_start",
    "worksheets:template_copy",
)
test_create_once = double_submit_test(MATRIX, CREATES)
