"""The browser fixtures fail a test on any console error, a Content Security Policy refusal first."""

import ast
from itertools import pairwise
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


def _starts_a_page_load(statement: ast.stmt) -> bool:
    """``x.click()`` or ``x.press("Enter")`` as a statement of its own: a link or a submit."""
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return False
    call = statement.value
    action = getattr(call.func, "attr", "")
    if action == "click":
        return True
    return action == "press" and [ast.unparse(arg) for arg in call.args] == ["'Enter'"]


def _waits_for_the_load_state(statement: ast.stmt) -> bool:
    """``x.wait_for_load_state(…)``, or assert_accessible(…), whose first step is one."""
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return False
    function = statement.value.func
    return getattr(function, "attr", getattr(function, "id", "")) in (
        "wait_for_load_state",
        "assert_accessible",
    )


def test_no_browser_test_waits_for_the_load_state_of_the_page_it_is_leaving():
    """``click()`` does not wait for the navigation it starts, and ``wait_for_load_state()``
    (any state) returns at once while the page being left is still the loaded one: what follows
    can read the old page's URL, or cancel the navigation with a ``goto``; assert_accessible
    starts with that wait, so axe could check the old page. click_and_wait and press_and_wait
    in helpers.py wait for the new page; after an htmx swap, expect() its content.
    """
    found = []
    for path in sorted(Path(__file__).parent.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            for field in ("body", "orelse", "finalbody"):
                statements = getattr(node, field, None)
                if not isinstance(statements, list):
                    continue
                for action, wait in pairwise(statements):
                    if _starts_a_page_load(action) and _waits_for_the_load_state(wait):
                        found.append((path.name, wait.lineno))
    assert found == [], (
        "wait_for_load_state() or assert_accessible() right after a click or Enter may run on "
        "the page being left; use "
        "click_and_wait(page, locator) or press_and_wait(page, locator) from "
        "tests/browser/helpers.py, or expect() the content an htmx swap brings:\n"
        + "\n".join(f"{name}:{line}" for name, line in sorted(found))
    )
