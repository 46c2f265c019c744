"""Helpers for browser tests: sign in through the real login page and check accessibility."""

import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe

from tests.factories import PASSWORD

_axe = Axe()


def totp_code(secret: str) -> str:
    """The code an authenticator app with ``secret`` (base32) shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def sign_in(page, email: str, password: str = PASSWORD, totp_secret: str | None = None) -> None:
    """Sign in through the real pages; with ``totp_secret``, also the second step."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()
    page.wait_for_load_state()
    if totp_secret is not None and "/2fa/authenticate/" in page.url:
        page.get_by_label("Code").fill(totp_code(totp_secret))
        page.get_by_role("button", name="Sign in", exact=True).click()
        page.wait_for_load_state()


def assert_accessible(page) -> None:
    results = _axe.run(page)
    assert results.violations_count == 0, results.generate_report()
