"""On a 320 px phone: a trainee builds a portfolio from their own work, arranges it, shares it,
makes the PDF and reads it; the supervisor adds a statement."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, click_and_wait, open_menu, pdf_text_at, sign_in
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
    click_and_wait(page, page.get_by_role("link", name="Portfolio"))
    check(page, problems)
    page.get_by_label("Title").fill("Year one")
    click_and_wait(page, page.get_by_role("button", name="Start a portfolio"))
    expect(page.get_by_role("heading", name="Add to the portfolio")).to_be_visible()
    check(page, problems)
    click_and_wait(page, page.get_by_role("button", name="Add Guided discovery"))
    click_and_wait(page, page.get_by_role("button", name="Add Small worksheet"))
    click_and_wait(page, page.get_by_role("button", name="Add Hand check"))
    click_and_wait(page, page.get_by_role("link", name="Done: arrange and comment"))
    check(page, problems)

    # The entry goes first, with a commentary; the lesson is taken out again.
    click_and_wait(page, page.get_by_role("button", name="Move up Small worksheet"))
    expect(page.locator(".portfolio-item h2").first).to_have_text("1. Small worksheet")
    page.get_by_label("Your commentary").first.fill("Where I first caught my own hot thought.")
    click_and_wait(page, page.get_by_role("button", name="Save commentary on Small worksheet"))
    click_and_wait(page, page.get_by_role("button", name="Take out Guided discovery"))
    expect(page.get_by_text("Good catch on the hot thought.")).to_be_visible()
    check(page, problems)

    click_and_wait(page, page.get_by_role("link", name="Title, summary and sharing"))
    page.get_by_label("Reflective summary").fill("A year of learning to slow down.")
    page.get_by_label("Supervisor who may read it").select_option(label=supervisor.name)
    check(page, problems)
    click_and_wait(page, page.get_by_role("button", name="Save"))

    click_and_wait(page, page.get_by_role("button", name="Make the PDF"))
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
    click_and_wait(page, page.get_by_role("link", name="Portfolio"))
    click_and_wait(page, page.get_by_role("link", name="Year one"))
    page.get_by_label("Your statement").fill("Honest and careful work.")
    click_and_wait(page, page.get_by_role("button", name="Save the statement"))
    expect(page.get_by_text("Honest and careful work.").first).to_be_visible()
    check(page, problems)
    assert_accessible(page)
