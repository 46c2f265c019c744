"""Helpers for browser tests: sign in through the real login page, check accessibility, and
collect every console error a page logs (a Content Security Policy refusal is one)."""

import io
import time

from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from tests.conftest import BROWSER_TIMEOUT_MS
from tests.factories import PASSWORD

_axe = Axe()


def totp_code(secret: str) -> str:
    """The code an authenticator app with ``secret`` (base32) shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def click_and_wait(page, locator) -> None:
    """Click ``locator`` (a link, or a submit button of a form without htmx) and return once the
    page it loads has loaded.

    ``click()`` does not wait for the navigation it starts, and a ``page.wait_for_load_state()``
    after it returns at once while the page being left is still the loaded one: the next line
    could read the old URL, or cancel the navigation with a ``goto`` (say, before a sign-in's
    cookie is set). Raises playwright's TimeoutError when the click loads no page within the
    bound; after a click that makes htmx swap part of the page, ``expect()`` the new content.
    """
    with page.expect_navigation():
        locator.click()


def press_and_wait(page, locator, key: str = "Enter") -> None:
    """``click_and_wait`` by keyboard: press ``key`` on ``locator`` and wait for the page it loads."""
    with page.expect_navigation():
        locator.press(key)


def sign_in(page, email: str, password: str = PASSWORD, totp_secret: str | None = None) -> None:
    """Sign in through the real pages; with ``totp_secret``, also the second step. Returns once
    the page signing in leads to has loaded, so the session cookie is set and ``page.url`` is
    the new page's."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(password)
    click_and_wait(page, page.get_by_role("button", name="Sign in", exact=True))
    if totp_secret is not None and "/2fa/authenticate/" in page.url:
        page.get_by_label("Code").fill(totp_code(totp_secret))
        click_and_wait(page, page.get_by_role("button", name="Sign in", exact=True))


def wait_until(page, condition, what: str) -> None:
    """Poll ``condition()`` (say, a database read) until it is true, for at most the browser
    bound (BROWSER_TIMEOUT_MS); for what the page does in the background, which Playwright
    cannot wait on. Raises AssertionError naming ``what`` when the bound passes."""
    deadline = time.monotonic() + BROWSER_TIMEOUT_MS / 1000
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        page.wait_for_timeout(100)


def wait_for_script(page, expression: str, what: str, arg=None) -> None:
    """Wait until ``expression`` (a JavaScript expression, or a function of ``arg``) is truthy.

    Playwright's own ``wait_for_function`` evaluates its string with ``eval`` inside the page
    once it has to poll, which our Content Security Policy refuses (``script-src 'self'``, no
    'unsafe-eval'): the test then fails only when the page is slow. ``page.evaluate`` is not
    subject to the page's policy, so this polls with it instead, within the browser bound.
    """
    wait_until(page, lambda: page.evaluate(expression, arg), what)


def wait_for_charts(page) -> None:
    """Wait until static/js/charts.js has drawn every chart on the page (a page without one
    passes at once). Until then a canvas has the browser's default size, so a measurement of
    the page's width, or of what a chart overlaps, would be of a page still changing."""
    wait_for_script(
        page,
        "[...document.querySelectorAll('canvas[data-chart-kind]')]"
        ".every(canvas => canvas.hasAttribute('data-chart-drawn'))",
        "every chart to be drawn",
    )


def assert_accessible(page) -> None:
    """No axe findings on the page as loaded. Waits for the load first: axe run on a document
    still being replaced fails (CI found it: "Cannot read properties of null (reading
    'documentElement')"). That wait returns at once while a page being left is still loaded, so
    after a click that follows a link, call click_and_wait first."""
    page.wait_for_load_state("load")
    results = _axe.run(page)
    assert results.violations_count == 0, results.generate_report()


class ConsoleWatch:
    """Every console error and uncaught exception of one page, for the fixtures to fail on.

    A page the test asked for that answers 4xx (a 403 or 404 it expects) makes Chromium log
    "Failed to load resource" for the document itself; that one is the test's point, not an
    error of the page, so it is left out. A failed sub-resource (a script, a stylesheet) counts.
    So does a failed fetch, except one: Wagtail 8's editor autosaves a page being written by
    posting it for JSON, and answers an incomplete form with a 400 JSON validation result that
    the editor itself shows beside the fields (wagtail.admin.views.generic.mixins
    JsonPostResponseMixin); that answer is the editor working, not an error. Likewise our own
    autosave answers a second tab's stale save with 409, which the page turns into its conflict
    message (the two-tab test expects it).
    """

    def __init__(self, page):
        self.errors: list[str] = []
        self._refused_documents: set[str] = set()
        page.on("response", self._on_response)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"uncaught: {error}"))

    def _on_response(self, response) -> None:
        request = response.request
        document = response.status >= 400 and request.resource_type == "document"
        wagtail_autosave = (
            response.status == 400
            and request.resource_type in ("fetch", "xhr")
            and request.method == "POST"
            and "/cms/" in response.url
            and response.headers.get("content-type", "").startswith("application/json")
        )
        our_autosave_conflict = (
            response.status == 409
            and request.resource_type in ("fetch", "xhr")
            and request.method == "POST"
            and response.url.rstrip("/").endswith("/autosave")
        )
        if document or wagtail_autosave or our_autosave_conflict:
            self._refused_documents.add(response.url)

    def _on_console(self, message) -> None:
        if message.type != "error":
            return
        location = message.location.get("url", "") if message.location else ""
        if message.text.startswith("Failed to load resource") and (
            location in self._refused_documents
        ):
            return
        self.errors.append(f"{message.text} ({location})")

    def assert_clean(self) -> None:
        assert not self.errors, "Console errors:\n" + "\n".join(self.errors)


def open_menu(page) -> None:
    """On a phone the navigation sits behind the "Menu" button; on a desktop it is always open."""
    button = page.locator(".site-menu__button")
    if button.is_visible() and page.locator("[data-site-menu][open]").count() == 0:
        button.click()


def pdf_text_at(page, href: str) -> str:
    """The text of the PDF at ``href``, fetched with the page's session, words joined by spaces."""
    response = page.request.get(href)
    assert response.headers["content-type"] == "application/pdf"
    reader = PdfReader(io.BytesIO(response.body()))
    return " ".join(" ".join(p.extract_text() for p in reader.pages).split())
