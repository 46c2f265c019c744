"""Choosing, ordering, sharing and the statement: only the owner's own material, nothing lost."""

import pytest
from django.core.exceptions import ValidationError

from portfolios.models import PortfolioItem
from portfolios.services import (
    item_add,
    item_comment,
    item_move,
    item_remove,
    portfolio_create,
    portfolio_share,
    portfolio_update,
    statement_write,
)
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision

pytestmark = pytest.mark.django_db


def kinds(portfolio):
    return list(portfolio.items.order_by("position").values_list("kind", "position"))


def test_the_owner_adds_each_kind_of_their_own_material_once(supervisee, material):
    portfolio = portfolio_create(owner=supervisee, title="Year one")
    entry = item_add(portfolio=portfolio, choice=f"entry:{material['entry'].pk}")
    assert item_add(portfolio=portfolio, choice=f"entry:{material['entry'].pk}") == entry
    item_add(portfolio=portfolio, choice=f"questionnaire:{material['questionnaire_key']}")
    item_add(portfolio=portfolio, choice=f"rating:{material['rating'].pk}")
    item_add(portfolio=portfolio, choice=f"lesson:{material['lesson'].pk}")
    assert kinds(portfolio) == [("entry", 1), ("questionnaire", 2), ("rating", 3), ("lesson", 4)]


@pytest.mark.parametrize(
    "make_choice",
    [
        lambda m: f"entry:{m['strangers_entry'].pk}",  # someone else's entry
        lambda m: f"entry:{m['rating'].pk}",  # a rating is not one's own entry
        lambda m: f"rating:{m['entry'].pk}",  # an entry is not a rating received
        lambda m: f"entry:{m['administrations'][0].pk}",  # questionnaires come over time
        lambda m: "questionnaire:not-answered",
        lambda m: "lesson:999999",
        lambda m: "entry:abc",
        lambda m: "nonsense",
    ],
)
def test_anything_not_the_owners_own_is_refused(supervisee, material, make_choice):
    portfolio = portfolio_create(owner=supervisee, title="Year one")
    with pytest.raises(ValidationError, match="something of your own"):
        item_add(portfolio=portfolio, choice=make_choice(material))
    assert not portfolio.items.exists()


def test_a_title_is_needed(supervisee):
    with pytest.raises(ValidationError, match="title"):
        portfolio_create(owner=supervisee, title="  ")
    portfolio = portfolio_create(owner=supervisee, title="Kept")
    with pytest.raises(ValidationError, match="title"):
        portfolio_update(portfolio=portfolio, title="", summary="Lost?")
    portfolio.refresh_from_db()
    assert portfolio.title == "Kept" and portfolio.summary == ""


def test_moving_and_removing_keep_positions_one_to_n(supervisee, material):
    portfolio = portfolio_create(owner=supervisee, title="Year one")
    entry = item_add(portfolio=portfolio, choice=f"entry:{material['entry'].pk}")
    rating = item_add(portfolio=portfolio, choice=f"rating:{material['rating'].pk}")
    lesson = item_add(portfolio=portfolio, choice=f"lesson:{material['lesson'].pk}")
    item_move(item=lesson, direction="up")
    assert kinds(portfolio) == [("entry", 1), ("lesson", 2), ("rating", 3)]
    item_move(item=entry, direction="up")  # already first: stays
    item_move(item=entry, direction="sideways")
    assert kinds(portfolio) == [("entry", 1), ("lesson", 2), ("rating", 3)]
    item_remove(item=lesson)
    assert kinds(portfolio) == [("entry", 1), ("rating", 2)]
    item_move(item=lesson, direction="down")  # removed in another tab: nothing happens
    item_comment(item=rating, commentary="The first time I was rated.")
    assert PortfolioItem.objects.get(pk=rating.pk).commentary == "The first time I was rated."
    material["entry"].refresh_from_db()  # the material itself is untouched
    assert material["entry"].status == "submitted"


def test_sharing_lets_one_current_supervisor_read_and_state(supervisor, supervisee, supervision):
    portfolio = portfolio_create(owner=supervisee, title="Year one")
    checker = ClinicalPermissionChecker
    assert not checker(supervisor).has_perm("view_portfolio", portfolio)
    portfolio_share(portfolio=portfolio, supervision=supervision)
    assert checker(supervisor).has_perm("write_statement", portfolio)
    assert not checker(supervisor).has_perm("change_portfolio", portfolio)
    statement_write(portfolio=portfolio, author=supervisor, text="Steady growth.")
    with pytest.raises(ValidationError, match="Write the statement"):
        statement_write(portfolio=portfolio, author=supervisor, text=" ")
    portfolio.refresh_from_db()
    assert portfolio.statement == "Steady growth." and portfolio.statement_by == supervisor

    other = make_supervision(UserFactory(), supervisee)
    portfolio_share(portfolio=portfolio, supervision=other)
    assert not checker(supervisor).has_perm("view_portfolio", portfolio)
    assert checker(other.supervisor).has_perm("view_portfolio", portfolio)
    portfolio_share(portfolio=portfolio, supervision=None)
    assert not checker(other.supervisor).has_perm("view_portfolio", portfolio)


def test_only_ones_own_current_relationship_can_be_chosen(supervisee, supervision):
    portfolio = portfolio_create(owner=supervisee, title="Year one")
    someone_elses = make_supervision(UserFactory(), UserFactory())
    with pytest.raises(ValidationError, match="current supervisors"):
        portfolio_share(portfolio=portfolio, supervision=someone_elses)
    supervision_end(supervision=supervision)
    with pytest.raises(ValidationError, match="current supervisors"):
        portfolio_share(portfolio=portfolio, supervision=supervision)
