"""An administrator sets up an authenticator app when first asked, saves the recovery codes, and signs in with a code."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, sign_in, totp_code

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def console_errors(page):
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    return errors


def test_administrator_sets_up_an_authenticator_app_and_signs_in_with_it(
    page, settings, administrator, console_errors
):
    settings.SECOND_FACTOR_REQUIRED = True
    sign_in(page, administrator.email)

    # Sent to set up a second step, with the reason.
    assert page.url.endswith("/accounts/2fa/")
    expect(page.get_by_text("Set up a second step before you go on")).to_be_visible()
    assert_accessible(page)
    page.goto("/")
    assert page.url.endswith("/accounts/2fa/")

    page.get_by_role("link", name="Set up an authenticator app").click()
    expect(page.get_by_role("heading", name="Set up an authenticator app")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    assert_accessible(page)
    secret = page.get_by_label("Setup key").input_value()

    # A wrong code is refused beside the field, and what was typed stays.
    page.get_by_label("Code").fill("12345")
    page.get_by_role("button", name="Turn on").click()
    # The field held "12345" before the click too: the value counts once the refusal is shown.
    expect(page.locator(".field__errors")).to_be_visible()
    expect(page.get_by_label("Code")).to_have_value("12345")
    assert_accessible(page)

    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Turn on").click()

    # The recovery codes, shown once, with a download.
    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    download = page.get_by_role("link", name="Download the codes")
    expect(download).to_have_attribute("download", "cbt-supervision-recovery-codes.txt")
    # A pattern is searched for in the attribute, as ``in`` did; the codes are all there now.
    expect(download).to_have_attribute("href", re.compile(re.escape(codes.first.inner_text())))
    assert_accessible(page)
    page.get_by_role("link", name="I have saved them: go to my dashboard").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("^Welcome"), use_inner_text=True
    )

    # Next time: password, then a code from the app.
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")
    sign_in(page, administrator.email)
    assert "/accounts/2fa/authenticate/" in page.url
    expect(page.get_by_role("heading", name="Second step of signing in")).to_be_visible()
    assert_accessible(page)
    page.get_by_label("Code").fill(totp_code(secret))
    page.get_by_role("button", name="Sign in", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("^Welcome"), use_inner_text=True
    )

    # The account page shows it is on.
    page.get_by_role("link", name="Account").click()
    expect(page.get_by_text("Authenticator app").first).to_be_visible()
    assert_accessible(page)
    assert console_errors == []
