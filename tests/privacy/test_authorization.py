"""Who may do what with every URL of the privacy app (run by tests/authorization.py).

An export is its owner's alone: anyone else, administrators included, is told it does not exist.
Everyone reads who read their own material. The audit, erasure and its reports are for
programme administrators; a POST that would export or erase first asks for re-authentication
(a redirect), so nothing is changed by these requests.
"""

import uuid
from datetime import timedelta

from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from privacy.models import DataExport, Erasure
from supervision.models import User
from tests.authorization import GET_ONLY, Matrix, Url, keep_file, module_world, url_test
from tests.factories import UserFactory
from tests.privacy.conftest import reauthenticated

KINDS = ("anonymous", "owner", "someone_else", "administrator")
ZIP_BYTES = b"PK\x05\x06" + b"\x00" * 18


def build_world() -> dict:
    users = {
        "owner": UserFactory(display_name="Olly Owner"),
        "someone_else": UserFactory(display_name="Sol Else"),
        "administrator": UserFactory(display_name="Ada Admin", is_superuser=True, is_staff=True),
    }
    now = timezone.now()
    export = DataExport(
        person=users["owner"], status="ready", finished_at=now, expires_at=now + timedelta(days=1)
    )
    export.file.save("world-export.zip", ContentFile(ZIP_BYTES), save=False)
    export.save()
    target = UserFactory(display_name="Tom Target")
    erased = UserFactory(display_name="Erin Erased")
    erasure = Erasure.objects.create(person=erased, erased_by=users["administrator"], report=[])
    return {
        "users": users,
        "objects": {"export": export, "person": target, "erasure": erasure},
    }


def snapshot():
    return (
        tuple(DataExport.objects.order_by("pk").values_list("pk", "status")),
        tuple(User.objects.order_by("pk").values_list("pk", "email", "is_active")),
        Erasure.objects.count(),
    )


def _export_file(world, kind):
    keep_file(world["objects"]["export"].file, ZIP_BYTES)


def _erase_data(world, target):
    return {"email": world["objects"]["person"].email}


ADMIN_ONLY_GET = {"administrator": 200, "*": 403}
ADMIN_ONLY_NO_POST = {"administrator": 405, "*": 403}

URLS = [
    Url("privacy:export", get={"*": 200}, post={"*": 302}),
    Url("privacy:export_status", "export", get={"owner": 200, "*": 404}, post=GET_ONLY),
    Url(
        "privacy:export_download",
        "export",
        get={"owner": 200, "*": 404},
        post=GET_ONLY,
        prepare=_export_file,
        check=lambda response, kind: (
            None if "no-store" in response["Cache-Control"] else "the download may be cached"
        ),
    ),
    Url("privacy:reads", get={"*": 200}, post=GET_ONLY),
    Url("privacy:audit", get=ADMIN_ONLY_GET, post=ADMIN_ONLY_NO_POST),
    Url(
        "privacy:erase",
        "person",
        get=ADMIN_ONLY_GET,
        # The administrator is sent to re-authenticate first; nothing is erased by this request.
        post={"administrator": 302, "*": 403},
        data=_erase_data,
    ),
    Url("privacy:erasure", "erasure", get=ADMIN_ONLY_GET, post=ADMIN_ONLY_NO_POST),
    Url(
        "privacy_wagtail_user_delete",
        "person",
        kwargs=lambda world, target: {"pk": str(world["objects"][target].pk)},
        get={"administrator": 302, "*": 403},
        post={"administrator": 302, "*": 403},
    ),
]


MATRIX = Matrix(urls=URLS, kinds=KINDS, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)


# The create form of supervision.idempotency. Starting an export first asks for the password
# again (the matrix's POST is that redirect), so the double post is sent here after it.
CREATES = ("privacy:export",)


def test_create_once(world, db, client):
    owner = world["users"]["owner"]
    reauthenticated(client, owner)
    page = client.get(reverse("privacy:export")).content.decode()
    assert 'name="submission_key"' in page, "the form carries no one-time key"
    with transaction.atomic():
        data = {"submission_key": str(uuid.uuid4())}
        exports = DataExport.objects.filter(person=owner)
        before = exports.count()
        first = client.post(reverse("privacy:export"), data)
        between = exports.count()
        # The first is ready by now: only the key keeps a second click from preparing another.
        exports.update(status=DataExport.Status.READY)
        second = client.post(reverse("privacy:export"), data)
        after = exports.count()
        transaction.set_rollback(True)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"] == reverse("privacy:export")
    assert (before, between, after) == (before, before + 1, before + 1)
