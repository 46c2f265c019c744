"""Who may do what with exports: every URL of the exports app, for every kind of user.

An export is its owner's alone (404 for everyone else, administrators included); asking for a
log book needs read access to the signed period's relationship (the supervisee or supervisor).
"""

import datetime

from django.utils import timezone

from exports.models import Export
from exports.progress import export_finish
from exports.services import export_request
from supervision.services.signoffs import signoff_sign, signoff_submit
from tests.authorization import (
    GET_ONLY,
    Matrix,
    Url,
    for_targets,
    keep_file,
    module_world,
    url_test,
)
from tests.factories import UserFactory, make_meeting, make_supervision

USER_KINDS = ("anonymous", "owner", "supervisor", "stranger", "administrator")
PDF = b"%PDF-1.7 the matrix's file"


def days_ago(days):
    return timezone.localdate() - datetime.timedelta(days=days)


def build_world() -> dict:
    users = {
        "owner": UserFactory(display_name="Olive Owner"),
        "supervisor": UserFactory(display_name="Sara Supervisor"),
        "stranger": UserFactory(display_name="Sam Stranger"),
        "administrator": UserFactory(display_name="Adam Admin", is_superuser=True, is_staff=True),
    }
    supervision = make_supervision(users["supervisor"], users["owner"], started_on=days_ago(60))
    make_meeting(supervision, date=days_ago(20))
    signoff = signoff_submit(
        supervision=supervision,
        submitted_by=users["owner"],
        starts_on=days_ago(25),
        ends_on=days_ago(15),
    )
    signoff_sign(signoff=signoff, actor=users["supervisor"])
    mine = export_request(
        owner=users["owner"], document="logbook", params={"signoff": 0}, title="Mine"
    )
    export_finish(mine, content=PDF, filename="mine.pdf", pages=1)
    return {"users": users, "signoff": signoff, "objects": {"mine": mine}}


def relation(kind, target):
    return kind


def data(world, target):
    return {"signoff": world["signoff"].pk}


def prepare_file(world, kind):
    export = world["objects"]["mine"]
    keep_file(export.file, PDF)


def snapshot():
    return tuple(Export.objects.order_by("pk").values_list("pk", "status"))


URLS = [
    Url("exports:export_list", get={"*": 200}, post=GET_ONLY),
    Url(
        "exports:export_create",
        get=GET_ONLY,
        post={"owner": 302, "supervisor": 302, "*": 404},
        kwargs=lambda world, target: {"document": "logbook"},
        data=data,
    ),
    *for_targets("exports:export_detail", ["mine"], get={"owner": 200, "*": 404}, post=GET_ONLY),
    *for_targets(
        "exports:export_download",
        ["mine"],
        get={"owner": 200, "*": 404},
        post=GET_ONLY,
        prepare=prepare_file,
    ),
]

MATRIX = Matrix(urls=URLS, kinds=USER_KINDS, relation=relation, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)
