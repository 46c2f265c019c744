"""The browser fixtures fail a test on any console error, a Content Security Policy refusal first."""

import ast
from pathlib import Path

import pytest

from tests.browser.helpers import ConsoleWatch, wait_for_script

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_inline_style_is_refused_and_caught(browser, live_server):
    context = browser.new_context(base_url=live_server.url)
    page = context.new_page()
    watch = ConsoleWatch(page)
    page.goto("/accounts/login/")
    assert watch.errors == []
    # What htmx did before it was configured: an inline <style>, which the policy refuses.
    # Wait for the refusal itself (a console error), not for a fixed time.
    with page.expect_console_message(lambda message: message.type == "error"):
        page.evaluate(
            "document.head.insertAdjacentHTML('beforeend', '<style>body { color: red; }</style>')"
        )
    context.close()
    assert any("style" in error for error in watch.errors), watch.errors
    with pytest.raises(AssertionError, match="Console errors"):
        watch.assert_clean()


def test_htmx_is_configured_not_to_inject_its_styles(page):
    page.goto("/accounts/login/")
    wait_for_script(page, "window.htmx !== undefined", "htmx to load")
    assert page.evaluate("htmx.config.includeIndicatorStyles") is False
    assert page.evaluate("[...document.styleSheets].every(sheet => sheet.href !== null)"), (
        "an inline <style> was added"
    )


def test_a_page_the_test_expects_to_be_missing_is_not_an_error(page):
    response = page.goto("/no-such-page/")
    assert response.status == 404


def test_no_browser_test_asserts_on_a_snapshot_that_does_not_wait():
    """``assert locator.is_visible()`` looks once, at once: after a click that loads a page it can
    look before the page is there (CI found it on the printable entry). ``expect(…)`` waits."""
    found = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Assert):
                test = node.test.operand if isinstance(node.test, ast.UnaryOp) else node.test
                if isinstance(test, ast.Call) and getattr(test.func, "attr", "") == "is_visible":
                    found.append(f"{path.name}:{node.lineno}")
    assert found == [], "use expect(locator).to_be_visible(): " + ", ".join(found)
