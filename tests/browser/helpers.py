"""Helpers for browser tests: sign in through the real login page, check accessibility, and
collect every console error a page logs (a Content Security Policy refusal is one)."""

from axe_playwright_python.sync_playwright import Axe

from tests.factories import PASSWORD

_axe = Axe()


def sign_in(page, email: str, password: str = PASSWORD) -> None:
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def assert_accessible(page) -> None:
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
    JsonPostResponseMixin); that answer is the editor working, not an error.
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
        if document or wagtail_autosave:
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
