"""Issue 16, "done when": every page a demo login reaches, at 320, 390 and 1280 px.

For each demo person the test signs in at 1280 px and follows the links of every page it reaches
(one page per kind of page: the first address of each URL name), then opens each of those pages
at 320 and 390 px too. On every page at every size: nothing scrolls sideways, the header takes
under 20 % of a phone's height, no chart overlaps a table, no console error, axe finds nothing.

Kept modest for CI (2 cores): the demo is seeded once, one browser context per size and person,
and a page kind is visited once per person, not once per row.
"""

import io
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.urls import Resolver404, resolve

from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE
from tests.browser.helpers import ConsoleWatch, assert_accessible, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"phone-320": (320, 640), "phone-390": (390, 844), "desktop": (1280, 900)}
# Not pages of ours to lay out: the CMS and Django admin, downloads, and signing out.
SKIPPED_PREFIXES = ("/cms/", "/django-admin/", "/accounts/logout/", "/media/", "/static/")
SKIPPED_VIEW_WORDS = ("download", "print", "export", "csv", "attachment")
MAX_PAGES_PER_PERSON = 40

LINKS = """
() => [...document.querySelectorAll('main a[href], nav a[href]')]
    .map(a => a.getAttribute('href'))
"""
OVERLAPS = """
() => {
  const boxes = sel => [...document.querySelectorAll(sel)]
    .filter(el => el.offsetParent !== null).map(el => el.getBoundingClientRect());
  const charts = boxes('canvas'), tables = boxes('table');
  const hit = (a, b) => a.left < b.right - 1 && b.left < a.right - 1
    && a.top < b.bottom - 1 && b.top < a.bottom - 1;
  return charts.flatMap((c, i) => tables.filter(t => hit(c, t)).map(() => i)).length;
}
"""


def page_kind(path: str) -> str | None:
    """The URL name of an address of ours worth laying out, or None to leave it alone."""
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


def check_layout(page, path: str, size: str) -> list[str]:
    width, height = SIZES[size]
    problems = []
    scroll = page.evaluate("document.documentElement.scrollWidth")
    if scroll > width:
        problems.append(f"{path} at {size}: {scroll}px wide, scrolls sideways")
    if size != "desktop":
        header = page.locator(".site-header").bounding_box()
        if header and header["height"] >= 0.2 * height:
            problems.append(f"{path} at {size}: header {header['height']:.0f}px tall")
    if page.evaluate(OVERLAPS):
        problems.append(f"{path} at {size}: a chart overlaps a table")
    return problems


def crawl(page) -> list[str]:
    """The first address of each kind of page reachable from the dashboard, in link order."""
    seen_kinds, queue, visited = set(), ["/"], []
    while queue and len(visited) < MAX_PAGES_PER_PERSON:
        path = queue.pop(0)
        kind = page_kind(path)
        if kind is None or kind in seen_kinds:
            continue
        seen_kinds.add(kind)
        response = page.goto(path)
        if response is None or response.status >= 400:
            continue
        visited.append(path)
        for href in page.evaluate(LINKS):
            if href and href.startswith("/") and "#" not in href:
                queue.append(href)
    return visited


def open_at(browser, live_server, size: str, email: str):
    width, height = SIZES[size]
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": width, "height": height},
        is_mobile=size != "desktop",
        has_touch=size != "desktop",
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    watch = ConsoleWatch(page)
    sign_in(page, email, DEMO_PASSWORD)
    return page, watch


def test_every_demo_page_fits_every_size(browser, live_server):
    call_command("seed_demo", stdout=io.StringIO())
    problems: list[str] = []
    for person in DEMO_PEOPLE:
        desktop, desktop_watch = open_at(browser, live_server, "desktop", person["email"])
        paths = crawl(desktop)
        assert paths, f"{person['email']} reached no page"
        pages = {"desktop": (desktop, desktop_watch)}
        for size in ("phone-320", "phone-390"):
            pages[size] = open_at(browser, live_server, size, person["email"])
        for path in paths:
            for size, (page, _watch) in pages.items():
                page.goto(path)
                problems += check_layout(page, path, size)
                try:
                    assert_accessible(page)
                except AssertionError as error:
                    problems.append(f"{path} at {size} ({person['email']}): {error}")
        for size, (page, watch) in pages.items():
            page.context.close()
            problems += [f"{person['email']} at {size}: {error}" for error in watch.errors]
    assert not problems, "\n".join(problems)
