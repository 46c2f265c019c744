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


# What each snapshot read should be instead: an expect() that waits for the page to agree.
WAITING_INSTEAD = {
    "is_visible": "expect(locator).to_be_visible()",
    "count": "expect(locator).to_have_count(n)",
    "text_content": "expect(locator).to_have_text(…) or to_contain_text(…)",
    "inner_text": "expect(locator).to_have_text(…) or to_contain_text(…)",
    "input_value": "expect(locator).to_have_value(…)",
    "is_checked": "expect(locator).to_be_checked()",
    "get_attribute": "expect(locator).to_have_attribute(name, value)",
}
FOCUS_SNAPSHOT = "document.activeElement"


def test_no_browser_test_asserts_on_a_snapshot_that_does_not_wait():
    """``assert locator.count() == 8`` looks once, at once: right after a page loads, or a click
    that loads one, or an htmx swap, it can look before the page or its scripts have settled (CI
    found it on the printable entry, then on the questionnaire charts). ``expect(…)`` waits.

    Any of these reads anywhere in an assert's test is refused, since ``assert
    loc.inner_text().startswith("x")`` and ``assert "x" in loc.inner_text()`` race the same way.
    """
    found = []
    for path in sorted(Path(__file__).parent.glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Assert):
                continue
            for inner in ast.walk(node.test):
                if not isinstance(inner, ast.Call):
                    continue
                read = getattr(inner.func, "attr", "")
                if read in WAITING_INSTEAD:
                    found.append((path.name, node.lineno, f".{read}(): {WAITING_INSTEAD[read]}"))
                elif read == "evaluate" and FOCUS_SNAPSHOT in ast.unparse(inner):
                    found.append((path.name, node.lineno, "focus: expect(locator).to_be_focused()"))
    assert found == [], "assert on a snapshot; wait with expect() instead:\n" + "\n".join(
        f"{name}:{line} {what}" for name, line, what in sorted(found)
    )
