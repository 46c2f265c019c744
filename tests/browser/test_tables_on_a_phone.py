"""On a 320 px phone, tables keep their words whole and scroll sideways in a named region.

A tester found the cells of every table broken letter by letter: `main { overflow-wrap: anywhere }`
let each column shrink to one letter. Tables now keep whole words and, when too wide, scroll in a
`{% table_region %}` box reachable by keyboard and named for screen readers; the page itself never
scrolls sideways (a hidden "Remove …" name in a scrolled-out column once widened it).
"""

import pytest

from tests.browser.helpers import (
    ConsoleWatch,
    assert_accessible,
    sign_in,
    wait_for_charts,
    wait_for_script,
)
from tests.conftest import BROWSER_TIMEOUT_MS
from tests.courses.factories import enrol, make_course
from tests.factories import UserFactory, make_case, make_group, make_meeting, make_supervision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTH = 320

# Every word of two letters or more in a table cell one can see, that the browser laid out on
# more than one line: that is a word broken apart (a word that merely wraps as a whole stays on
# one line). Cells of a thead hidden by a stacked table, and visually hidden text, are 1 px wide
# on purpose and left out.
BROKEN_WORDS = """
() => {
  const broken = [];
  for (const cell of document.querySelectorAll('main td, main th')) {
    const thead = cell.closest('thead');
    if (thead && thead.getBoundingClientRect().width <= 2) continue;
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement.getBoundingClientRect().width <= 2) continue;
      for (const word of node.data.matchAll(/\\p{L}{2,}/gu)) {
        const range = document.createRange();
        range.setStart(node, word.index);
        range.setEnd(node, word.index + word[0].length);
        const lines = new Set([...range.getClientRects()]
          .filter(box => box.width > 0).map(box => Math.round(box.top)));
        if (lines.size > 1) broken.push(word[0]);
      }
    }
  }
  return broken;
}
"""
# Every table's scrolling box: is it in the tab order, a region, and named?
REGIONS = """
() => [...document.querySelectorAll('main table')].map(table => {
  const box = table.closest('.table-scroll');
  return box && {
    focusable: box.tabIndex === 0,
    role: box.getAttribute('role'),
    name: box.getAttribute('aria-label') || '',
    scrolls: box.scrollWidth > box.clientWidth,
  };
})
"""


@pytest.fixture
def phone(browser, live_server):
    """A 320 px page, failing its test at teardown on any console error."""
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": WIDTH, "height": 640}, is_mobile=True
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    watch = ConsoleWatch(page)
    yield page
    context.close()
    watch.assert_clean()


def check_tables(page, path: str) -> list[dict]:
    """Open ``path`` and check its tables at 320 px; returns each table's region facts."""
    response = page.goto(path)
    assert response is not None and response.status == 200, path
    wait_for_charts(page)
    regions = page.evaluate(REGIONS)
    assert regions, f"{path} shows no table"
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH, f"{path} is too wide"
    assert page.evaluate(BROKEN_WORDS) == [], f"{path}: words broken apart in a table"
    for region in regions:
        assert region is not None, f"{path}: a table outside a region"
        assert region["focusable"] and region["role"] == "region" and region["name"], region
    assert_accessible(page)
    return regions


def test_an_administrator_reads_people_and_groups_on_a_phone(phone, administrator, supervisor):
    long_named = UserFactory(
        display_name="Maximiliane Oppenheimer-Wittgenstein",
        email="maximiliane.oppenheimer-wittgenstein@example.org",
    )
    group = make_group(supervisor, [long_named, UserFactory(display_name="Bo Li")])
    course = make_course("Homework in supervision")
    enrol(course, long_named)
    enrol(course, UserFactory(display_name="Bo Li"))
    sign_in(phone, administrator.email)

    check_tables(phone, "/manage/")
    check_tables(phone, f"/manage/groups/{group.pk}/")
    # The e-mail column makes this table wider than the phone: it scrolls in its region, by
    # keyboard too, while the page stays put.
    [people] = check_tables(phone, f"/courses/{course.pk}/people/")
    assert people["scrolls"] and people["name"] == "People enrolled in Homework in supervision"
    region = phone.get_by_role("region", name="People enrolled in Homework in supervision")
    region.focus()
    phone.keyboard.press("ArrowRight")
    wait_for_script(
        phone,
        "document.querySelector('.table-scroll').scrollLeft > 0",
        "the table scrolled by keyboard",
    )
    assert phone.evaluate("document.documentElement.scrollWidth") <= WIDTH


def test_a_supervisor_reads_meetings_cases_and_hours_on_a_phone(phone, supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee)
    case = make_case(supervision, "Hazel")
    make_meeting(supervision, duration_minutes=50, cases=[case])
    sign_in(phone, supervisor.email)

    check_tables(phone, f"/supervisions/{supervision.pk}/")
    check_tables(phone, "/cases/")
    check_tables(phone, f"/supervisions/{supervision.pk}/hours/")
