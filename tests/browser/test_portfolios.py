"""On a 320 px phone: a trainee builds a portfolio from their own work, arranges it, shares it,
makes the PDF and reads it; the supervisor adds a statement."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, open_menu, pdf_text_at, sign_in
from tests.browser.test_signoffs import check, narrow_page, sign_out  # noqa: F401 (fixture)
from tests.portfolios.conftest import (  # noqa: F401 (fixtures, found by name)
    hand_check_template,
    hand_check_version,
    material,
    questionnaire,
    rating_version,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_trainee_builds_a_portfolio_and_downloads_it(
    request, supervisor, supervisee, supervision
):
    page, problems = request.getfixturevalue("narrow_page")
    request.getfixturevalue("material")
    sign_in(page, supervisee.email)
    open_menu(page)
    page.get_by_role("link", name="Portfolio").click()
    page.wait_for_load_state()
    check(page, problems)
    page.get_by_label("Title").fill("Year one")
    page.get_by_role("button", name="Start a portfolio").click()
    page.wait_for_load_state()
    expect(page.get_by_role("heading", name="Add to the portfolio")).to_be_visible()
    check(page, problems)
    page.get_by_role("button", name="Add Guided discovery").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Add Small worksheet").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Add Hand check").click()
    page.wait_for_load_state()
    page.get_by_role("link", name="Done: arrange and comment").click()
    page.wait_for_load_state()
    check(page, problems)

    # The entry goes first, with a commentary; the lesson is taken out again.
    page.get_by_role("button", name="Move up Small worksheet").click()
    page.wait_for_load_state()
    # The click may return before the page is replaced: wait for the new order, not the old.
    expect(page.locator(".portfolio-item h2").first).to_have_text("1. Small worksheet")
    page.get_by_label("Your commentary").first.fill("Where I first caught my own hot thought.")
    page.get_by_role("button", name="Save commentary on Small worksheet").click()
    page.wait_for_load_state()
    page.get_by_role("button", name="Take out Guided discovery").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Good catch on the hot thought.")).to_be_visible()
    check(page, problems)

    page.get_by_role("link", name="Title, summary and sharing").click()
    page.wait_for_load_state()
    page.get_by_label("Reflective summary").fill("A year of learning to slow down.")
    page.get_by_label("Supervisor who may read it").select_option(label=supervisor.name)
    check(page, problems)
    page.get_by_role("button", name="Save").click()
    page.wait_for_load_state()

    page.get_by_role("button", name="Make the PDF").click()
    page.wait_for_load_state()
    link = page.get_by_role("link", name="Open the PDF")
    link.wait_for()
    check(page, problems)
    text = pdf_text_at(page, link.get_attribute("href"))
    assert "Year one" in text and "A year of learning to slow down." in text
    assert "Where I first caught my own hot thought." in text
    assert "Guided discovery" not in text
    sign_out(page)

    # The supervisor it is shared with reads it and adds a statement.
    sign_in(page, supervisor.email)
    open_menu(page)
    page.get_by_role("link", name="Portfolio").click()
    page.get_by_role("link", name="Year one").click()
    page.wait_for_load_state()
    page.get_by_label("Your statement").fill("Honest and careful work.")
    page.get_by_role("button", name="Save the statement").click()
    page.wait_for_load_state()
    expect(page.get_by_text("Honest and careful work.").first).to_be_visible()
    check(page, problems)
    assert_accessible(page)
