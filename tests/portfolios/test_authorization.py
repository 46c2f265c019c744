"""Who may do what with portfolios: every URL of the app, for every kind of user.

A portfolio is its owner's: only they change it. The supervisor it is shared with reads it and
writes a statement (403 for changing it); the owner's other supervisor, strangers and
administrators do not know it exists (404).
"""

from portfolios.models import Portfolio, PortfolioItem
from portfolios.services import item_add, portfolio_create, portfolio_share
from tests.authorization import (
    GET_ONLY,
    POST_ONLY,
    Matrix,
    Url,
    double_submit_test,
    module_world,
    url_test,
)
from tests.factories import UserFactory, make_supervision
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_start
from worksheets.services.templates import worksheet_template_create

USER_KINDS = ("anonymous", "owner", "reader", "other_supervisor", "stranger", "administrator")


def build_world() -> dict:
    users = {
        "owner": UserFactory(display_name="Olive Owner"),
        "reader": UserFactory(display_name="Rita Reader"),
        "other_supervisor": UserFactory(display_name="Oscar Other"),
        "stranger": UserFactory(display_name="Sam Stranger"),
        "administrator": UserFactory(display_name="Adam Admin", is_superuser=True, is_staff=True),
    }
    shared = make_supervision(users["reader"], users["owner"])
    make_supervision(users["other_supervisor"], users["owner"])
    worksheet = worksheet_template_create(title="Small worksheet", body=SMALL_BODY, publish=True)
    version = worksheet.versions.get()
    first = submit(entry_start(author=users["owner"], template_version=version))
    second = submit(entry_start(author=users["owner"], template_version=version))
    portfolio = portfolio_create(owner=users["owner"], title="Year one")
    item = item_add(portfolio=portfolio, choice=f"entry:{first.pk}")
    item_add(portfolio=portfolio, choice=f"entry:{second.pk}")
    portfolio_share(portfolio=portfolio, supervision=shared)
    return {
        "users": users,
        "objects": {"portfolio": portfolio, "item": item},
        "entries": {"spare": submit(entry_start(author=users["owner"], template_version=version))},
    }


def item_kwargs(world, target):
    return {"pk": world["objects"]["portfolio"].pk, "item_pk": world["objects"]["item"].pk}


def portfolio_kwargs(world, target):
    return {"pk": world["objects"]["portfolio"].pk}


def data(world, target):
    item = world["objects"]["item"]
    return {
        "title": "Year one, revised",
        "summary": "A summary",
        "shared_with": "",
        "choice": f"entry:{world['entries']['spare'].pk}",
        f"item{item.pk}-commentary": "A comment",
        "direction": "down",
        "statement": "A statement",
    }


def snapshot():
    return (
        tuple(Portfolio.objects.values_list("pk", "title", "summary", "statement", "shared_with")),
        tuple(PortfolioItem.objects.order_by("pk").values_list("pk", "position", "commentary")),
    )


OWNER_ONLY = {"owner": 302, "reader": 403, "*": 404}

URLS = [
    Url("portfolios:portfolio_list", get={"*": 200}, post={"*": 302}),
    Url(
        "portfolios:portfolio_detail",
        get={"owner": 200, "reader": 200, "*": 404},
        post=GET_ONLY,
        kwargs=portfolio_kwargs,
    ),
    Url(
        "portfolios:portfolio_edit",
        get={"owner": 200, "reader": 403, "*": 404},
        post=OWNER_ONLY,
        kwargs=portfolio_kwargs,
    ),
    Url(
        "portfolios:item_add",
        get={"owner": 200, "reader": 403, "*": 404},
        post=OWNER_ONLY,
        kwargs=portfolio_kwargs,
    ),
    Url("portfolios:item_update", get=POST_ONLY, post=OWNER_ONLY, kwargs=item_kwargs),
    Url("portfolios:item_move", get=POST_ONLY, post=OWNER_ONLY, kwargs=item_kwargs),
    Url("portfolios:item_remove", get=POST_ONLY, post=OWNER_ONLY, kwargs=item_kwargs),
    Url(
        "portfolios:statement_write",
        get=POST_ONLY,
        post={"reader": 302, "owner": 403, "*": 404},
        kwargs=portfolio_kwargs,
    ),
]

MATRIX = Matrix(urls=URLS, kinds=USER_KINDS, snapshot=snapshot, data=data)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms of supervision.idempotency: each sent twice with one key creates once.
CREATES = ("portfolios:portfolio_list", "portfolios:item_add")
test_create_once = double_submit_test(MATRIX, CREATES)
