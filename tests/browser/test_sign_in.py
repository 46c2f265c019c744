"""A person signs in through the real login page and reaches their dashboard."""

import re

import pytest
from playwright.sync_api import expect

from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TOTP_SECRET
from supervision.demo.people import seed_people
from tests.browser.helpers import assert_accessible, click_and_wait, sign_in
from tests.factories import make_supervision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_supervisor_signs_in_and_sees_their_supervisees(page, supervisor, supervisee):
    make_supervision(supervisor, supervisee)
    page.goto("/")
    assert "/accounts/login/" in page.url
    assert_accessible(page)

    sign_in(page, supervisor.email)

    expect(page.get_by_role("heading", name=f"Welcome, {supervisor.name}")).to_be_visible()
    expect(page.get_by_role("heading", name="As a supervisor")).to_be_visible()
    expect(page.get_by_text(supervisee.name)).to_be_visible()
    assert_accessible(page)


def test_wrong_password_keeps_the_email_and_says_so_neutrally(page, supervisor):
    sign_in(page, supervisor.email, password="not-the-password")
    assert "/accounts/login/" in page.url
    expect(page.get_by_label("Email")).to_have_value(supervisor.email)
    expect(page.get_by_role("alert")).to_be_visible()
    assert_accessible(page)


def test_every_demo_login_reaches_its_dashboard(page):
    seed_people()
    for person in DEMO_PEOPLE:
        # Every demo account has an authenticator app with the demo's fixed secret.
        sign_in(page, person["email"], DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET)
        heading = page.get_by_role("heading", level=1)
        expect(heading, person["email"]).to_have_text(re.compile("^Welcome"), use_inner_text=True)
        page.get_by_role("button", name="Sign out").click()
        page.wait_for_url("**/accounts/login/")


def test_dashboard_works_on_a_phone_with_the_keyboard(phone_page, supervisor, supervisee):
    make_supervision(supervisor, supervisee)
    sign_in(phone_page, supervisor.email)
    phone_page.keyboard.press("Tab")
    skip_link = phone_page.get_by_role("link", name="Skip to main content")
    expect(skip_link).to_be_focused()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
    assert_accessible(phone_page)


def test_course_editor_opens_the_wagtail_admin_without_policy_errors(page, course_editor):
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    sign_in(page, course_editor.email)
    click_and_wait(page, page.get_by_role("link", name="Course editing").first)
    # The admin's scripts fetch more after the load; their policy errors count too.
    page.wait_for_load_state("networkidle")
    assert "/cms/" in page.url
    assert not [error for error in errors if "Content Security Policy" in error], errors
