"""Issue 16, "done when": every page a demo login reaches, at 320, 390 and 1280 px.

For each demo person the test signs in, opens the dashboard and the pages its navigation and
dashboard link to, then the pages those link to (one address per URL pattern: a list of twenty
meetings is one kind of page). Every page is loaded once and laid out at each width by resizing
the window, which re-runs the stylesheet's breakpoints and the menu script without a reload. At
every width: nothing scrolls sideways, the header takes under 20 % of a phone's height, no chart
overlaps a table. axe runs once per kind of page (at 390 px, the phone the issue was filed from),
and the console watch fails the test on any error at any page.

Budget: well under two minutes on two cores (the demo is seeded once, one browser context per
person, axe only where a kind of page is new).
"""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import Resolver404, resolve

from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TOTP_SECRET
from tests.browser.helpers import (
    ConsoleWatch,
    assert_accessible,
    sign_in,
    wait_for_charts,
    wait_for_script,
)
from tests.conftest import BROWSER_TIMEOUT_MS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WIDTHS = {320: 640, 390: 844, 1280: 900}
AXE_WIDTH = 390
# Not pages of ours to lay out: the CMS and Django admin, downloads, and signing out.
SKIPPED_PREFIXES = ("/cms/", "/django-admin/", "/accounts/logout/", "/media/", "/static/")
SKIPPED_VIEW_WORDS = ("download", "print", "export", "csv", "attachment", "logout")

LINKS = """
() => [...document.querySelectorAll('header a[href], main a[href]')]
    .map(a => a.getAttribute('href'))
"""
OVERLAPS = """
() => {
  const boxes = sel => [...document.querySelectorAll(sel)]
    .filter(el => el.offsetParent !== null).map(el => el.getBoundingClientRect());
  const charts = boxes('canvas'), tables = boxes('table');
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  return charts.some(c => tables.some(t => hit(c, t)));
}
"""
LAYOUT = """
() => ({
  scroll: document.documentElement.scrollWidth,
  header: document.querySelector('.site-header').getBoundingClientRect().height,
})
"""


def page_kind(path: str) -> str | None:
    """The URL pattern of an address of ours worth laying out, or None to leave it alone."""
    if not path.startswith("/") or path.startswith(SKIPPED_PREFIXES):
        return None
    try:
        match = resolve(urlsplit(path).path)
    except Resolver404:
        return None
    name = match.view_name or match.route
    if any(word in name for word in SKIPPED_VIEW_WORDS):
        return None
    return name


def lay_out(page, path: str) -> list[str]:
    """What is wrong with the loaded page at each width, narrowest last (back to a phone)."""
    wait_for_charts(page)
    problems = []
    for width, height in sorted(WIDTHS.items(), reverse=True):
        page.set_viewport_size({"width": width, "height": height})
        wait_for_script(page, f"window.innerWidth === {width}", f"a window {width} px wide")
        page.evaluate("new Promise(requestAnimationFrame)")
        measured = page.evaluate(LAYOUT)
        if measured["scroll"] > width:
            problems.append(f"{path} at {width}px: {measured['scroll']}px wide, scrolls sideways")
        if width < 1280 and measured["header"] >= 0.2 * height:
            problems.append(f"{path} at {width}px: header {measured['header']:.0f}px tall")
        if page.evaluate(OVERLAPS):
            problems.append(f"{path} at {width}px: a chart overlaps a table")
    return problems


def test_every_demo_page_fits_every_width_without_console_errors_or_axe_findings(
    browser, live_server
):
    if connection.vendor != "sqlite":
        # Layout does not depend on the database; the SQLite run checks it, once per CI run.
        pytest.skip("the page layout is checked in the SQLite run")
    call_command("seed_demo", stdout=io.StringIO())
    problems: list[str] = []
    checked_by_axe: set[str] = set()
    visited = 0
    for person in DEMO_PEOPLE:
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": AXE_WIDTH, "height": WIDTHS[AXE_WIDTH]}
        )
        page = context.new_page()
        page.set_default_timeout(BROWSER_TIMEOUT_MS)
        watch = ConsoleWatch(page)
        sign_in(page, person["email"], DEMO_PASSWORD, totp_secret=DEMO_TOTP_SECRET)
        seen: set[str] = set()
        # The dashboard, then what it and the menu link to, then one step further.
        frontier = ["/"]
        for _depth in range(3):
            following = []
            for path in frontier:
                kind = page_kind(path)
                if kind is None or kind in seen:
                    continue
                seen.add(kind)
                response = page.goto(path)
                if response is None or response.status >= 400:
                    continue
                visited += 1
                following += [h for h in page.evaluate(LINKS) if h and "#" not in h]
                problems += lay_out(page, path)
                if kind not in checked_by_axe:
                    checked_by_axe.add(kind)
                    try:
                        assert_accessible(page)
                    except AssertionError as error:
                        problems.append(f"{path} ({person['email']}): {error}")
            frontier = following
        assert len(seen) > 3, f"{person['email']} reached almost nothing: {seen}"
        context.close()
        problems += [f"{person['email']}: {error}" for error in watch.errors]
    assert visited > 30
    assert not problems, "\n".join(problems)
