"""What a portfolio shows: the owner's choices in order, released feedback only, flat queries."""

import pytest

from portfolios.selectors import choosable, portfolio_sections
from portfolios.services import item_add, portfolio_create
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_reopen, entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db


def full_portfolio(owner, material):
    portfolio = portfolio_create(owner=owner, title="Year one")
    for value in (
        f"lesson:{material['lesson'].pk}",
        f"entry:{material['entry'].pk}",
        f"questionnaire:{material['questionnaire_key']}",
        f"rating:{material['rating'].pk}",
    ):
        item_add(portfolio=portfolio, choice=value)
    return portfolio


def test_sections_follow_the_owners_order_with_released_feedback_only(supervisee, material):
    sections = portfolio_sections(full_portfolio(supervisee, material))
    assert [s.item.kind for s in sections] == ["lesson", "entry", "questionnaire", "rating"]
    lesson, entry, questionnaire, rating = sections
    assert lesson.title == "Guided discovery"
    assert [c.body for c in entry.feedback] == ["Good catch on the hot thought."]
    assert entry.reflection == "I noticed my own hurry to fix things."
    assert len(questionnaire.dates) == 2  # both administrations, oldest first
    assert rating.rater and rating.profile.rows


def test_what_was_added_is_not_offered_again(supervisee, material):
    portfolio = full_portfolio(supervisee, material)
    assert all(not options for options in choosable(portfolio).values())
    other = portfolio_create(owner=supervisee, title="Second")
    offered = {o.value for options in choosable(other).values() for o in options}
    assert f"entry:{material['entry'].pk}" in offered
    assert f"entry:{material['strangers_entry'].pk}" not in offered


def test_an_entry_reopened_since_is_left_out(supervisee, material):
    portfolio = full_portfolio(supervisee, material)
    entry_reopen(entry=material["entry"], actor=supervisee)
    assert "entry" not in [s.item.kind for s in portfolio_sections(portfolio)]


def test_showing_a_portfolio_takes_the_same_queries_however_many_items(
    supervisee, material, django_assert_max_num_queries
):
    portfolio = full_portfolio(supervisee, material)
    with django_assert_max_num_queries(8):
        portfolio_sections(portfolio)
    worksheet = worksheet_template_create(title="Another", body=SMALL_BODY, publish=True)
    for _ in range(6):
        entry = submit(entry_start(author=supervisee, template_version=worksheet.versions.get()))
        item_add(portfolio=portfolio, choice=f"entry:{entry.pk}")
    with django_assert_max_num_queries(8):
        assert len(portfolio_sections(portfolio)) == 10
