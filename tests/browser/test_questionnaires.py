"""Questionnaires end to end: the schema self-check twice on a phone, its profile and history, and sharing."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import assert_accessible, click_and_wait, open_menu, sign_in
from tests.conftest import BROWSER_TIMEOUT_MS
from tests.factories import make_supervision
from worksheets.library.questionnaires import (
    SCHEMA_SELF_CHECK,
    bundled_questionnaire,
    library_templates,
)
from worksheets.models import Entry
from worksheets.services.library import library_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCHEMA = bundled_questionnaire(SCHEMA_SELF_CHECK)
SCHEMA_TEMPLATE = next(t for t in library_templates() if t["key"] == SCHEMA_SELF_CHECK)


def answers(level: int) -> list[str]:
    """The radio button ids that rate each statement ``level`` (1-6), reverse keys reversed."""
    return [
        f"id_q-{item.machine_name}_{(7 - level if item.reverse_keyed else level) - 1}"
        for item in SCHEMA.items
    ]


def answer_step_by_step(page, radios: list[str]) -> None:
    """On a phone the form shows a few statements at a time: tick each on its step, moving on
    with "Next" (which saves the draft), checking the progress line and answered count."""
    total = len(radios)
    where = page.locator(".steps__where")
    expect(where).to_have_text(f"Questions 1\u20135 of {total}")
    expect(page.get_by_role("button", name="Submit")).not_to_be_visible()
    expect(page.get_by_role("button", name="Previous")).not_to_be_visible()
    for done, radio in enumerate(radios):
        control = page.locator(f"#{radio}")
        if not control.is_visible():
            page.get_by_role("button", name="Next").click()
            expect(where).to_have_text(re.compile("^" + re.escape(f"Questions {done + 1}\u2013")))
        control.check()
        expect(page.get_by_text(f"{done + 1} of {total} answered")).to_be_visible()
    expect(page.get_by_role("button", name="Next")).not_to_be_visible()
    expect(page.get_by_role("button", name="Submit")).to_be_visible()


def complete_the_self_check(page, level: int, *, first_time: bool) -> None:
    open_menu(page)
    page.get_by_role("link", name="Questionnaires").first.click()
    page.get_by_role("link", name="Therapist schema self-check").last.click()
    expect(page.get_by_role("heading", name="What it looks at")).to_be_visible()
    if first_time:
        assert_accessible(page)
    page.get_by_role("button", name="Start this questionnaire").click()
    # The page left has the same heading; the progress line exists only once the step script
    # has laid the new form out in steps, which the width and the "Submit" loop depend on.
    page.locator(".steps__where").wait_for()
    if first_time:
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        assert_accessible(page)
        answer_step_by_step(page, answers(level))
    else:
        # The same form again: ticked in one go this time, then "Next" to the last step.
        page.evaluate(
            "ids => ids.forEach(id => { document.getElementById(id).checked = true })",
            answers(level),
        )
        while not page.get_by_role("button", name="Submit").is_visible():
            page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Submit").click()
    page.get_by_role("heading", name="Your profile").wait_for()


def test_a_trainee_sees_their_profile_then_their_history_and_shares_one_result(
    phone_page, browser, live_server, supervisor, supervisee
):
    page = phone_page
    make_supervision(supervisor, supervisee)
    library_load(templates=[SCHEMA_TEMPLATE])
    sign_in(page, supervisee.email)
    open_menu(page)
    click_and_wait(page, page.get_by_role("link", name="Questionnaires").first)
    assert_accessible(page)

    complete_the_self_check(page, level=5, first_time=True)
    page.locator("canvas[data-chart-drawn]").wait_for()
    table = page.get_by_role("table", name="Scores of each scale")
    demanding = table.get_by_role("row", name="Demanding standards")
    expect(demanding.get_by_role("cell", name="5 (mean)")).to_be_visible()
    expect(demanding.get_by_role("cell", name="High")).to_be_visible()
    expect(page.get_by_role("heading", name="Demanding standards: High (5)")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    first = Entry.objects.get(author=supervisee)
    assert first.result["scales"][0]["score"] == 5

    # Some months later, the same questionnaire again: both administrations are kept.
    complete_the_self_check(page, level=2, first_time=False)
    expect(page.get_by_role("heading", name="Demanding standards: Low (2)")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="See every administration over time").click()
    page.get_by_role("heading", name="Therapist schema self-check over time").wait_for()
    expect(page.get_by_text("2 administrations")).to_be_visible()
    # The charts are drawn by script after the page loads: wait for all of them.
    expect(page.locator("canvas[data-chart-drawn]")).to_have_count(len(SCHEMA.scales))
    figures = page.get_by_role("table", name="Score and band of each scale")
    expect(
        figures.get_by_role("row", name="Demanding standards").get_by_role("cell", name="5 High")
    ).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Compare side by side").click()
    page.get_by_role("heading", name="two administrations side by side").wait_for()
    expect(page.get_by_role("cell", name="−3 (lower)").first).to_be_visible()
    assert_accessible(page)
    history_url = page.url.split("compare/")[0]

    # The supervisor sees nothing until the trainee shares a result.
    desk = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    supervisor_page = desk.new_page()
    supervisor_page.set_default_timeout(BROWSER_TIMEOUT_MS)
    sign_in(supervisor_page, supervisor.email)
    assert supervisor_page.goto(history_url).status == 404
    assert_accessible(supervisor_page)
    assert supervisor_page.goto(f"/worksheets/entries/{first.pk}/").status == 404
    supervisor_page.goto("/questionnaires/")
    expect(supervisor_page.get_by_text("Results shared with you")).not_to_be_visible()
    assert_accessible(supervisor_page)

    page.goto(f"/worksheets/entries/{first.pk}/")
    page.get_by_label(supervisor.name).check()
    page.get_by_role("button", name="Save sharing").click()
    page.get_by_text(f"Shared with {supervisor.name}").wait_for()
    assert_accessible(page)

    supervisor_page.goto("/questionnaires/")
    shared = supervisor_page.get_by_role("region", name="Results shared with you", exact=True)
    expect(shared.get_by_role("rowheader", name=supervisee.name, exact=True)).to_be_visible()
    assert_accessible(supervisor_page)
    shared.get_by_role("link", name="Therapist schema self-check", exact=True).click()
    supervisor_page.get_by_role("heading", name="Your profile").wait_for()
    expect(supervisor_page.get_by_text(f"By {supervisee.name}")).to_be_visible()
    supervisor_page.locator("canvas[data-chart-drawn]").wait_for()
    assert_accessible(supervisor_page)
    supervisor_page.get_by_role("link", name="See every administration over time").click()
    expect(supervisor_page.get_by_text("the 1 administration you may read")).to_be_visible()
    assert_accessible(supervisor_page)
    desk.close()


def test_a_long_questionnaire_on_a_phone_goes_a_few_statements_at_a_time_and_saves_each_step(
    phone_page, browser, live_server, supervisee
):
    page = phone_page
    library_load(templates=[SCHEMA_TEMPLATE])
    sign_in(page, supervisee.email)
    page.goto("/questionnaires/")
    page.get_by_role("link", name="Therapist schema self-check").last.click()
    page.get_by_role("button", name="Start this questionnaire").click()
    page.get_by_role("heading", name="Therapist schema self-check", level=1).wait_for()
    radios = answers(4)
    expect(page.locator(".steps__where")).to_have_text(f"Questions 1\u20135 of {len(radios)}")
    for radio in radios[:5]:
        page.locator(f"#{radio}").check()
    page.get_by_role("button", name="Next").click()
    page.get_by_text("Draft saved at").wait_for()
    expect(page.locator(".steps__where")).to_have_text(
        re.compile("^" + re.escape("Questions 6\u2013"))
    )
    # The header and the progress line leave the statements most of the first screen.
    assert page.locator(".steps").bounding_box()["y"] < 844 * 0.4
    assert_accessible(page)

    # Saved on "Next": a reload (or another device) finds the five answers.
    page.reload()
    expect(page.get_by_text(f"5 of {len(radios)} answered")).to_be_visible()
    expect(page.locator(f"#{radios[0]}")).to_be_checked()
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Previous").click()
    expect(page.locator(f"#{radios[4]}")).to_be_checked()

    # Without JavaScript it is still one form: every statement and "Submit" on one page.
    plain = browser.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, java_script_enabled=False
    )
    still = plain.new_page()
    sign_in(still, supervisee.email)
    still.goto(page.url)
    expect(still.locator(".steps")).to_have_count(0)
    expect(still.locator(f"#{radios[-1]}")).to_be_visible()
    expect(still.get_by_role("button", name="Submit")).to_be_visible()
    plain.close()


def test_a_refused_submit_on_a_phone_opens_the_step_of_the_first_unrated_statement(
    phone_page, supervisee
):
    """Trial finding 4, for the paged questionnaire: rated only on the last step, the Submit is
    refused and the page opens the first step, its first statement ready to rate."""
    page = phone_page
    library_load(templates=[SCHEMA_TEMPLATE])
    sign_in(page, supervisee.email)
    page.goto("/questionnaires/")
    page.get_by_role("link", name="Therapist schema self-check").last.click()
    page.get_by_role("button", name="Start this questionnaire").click()
    page.get_by_role("heading", name="Therapist schema self-check", level=1).wait_for()
    radios = answers(4)
    where = page.locator(".steps__where")
    # Until the step script has run, the form is one page with "Submit" showing: wait for it.
    expect(where).to_have_text(f"Questions 1\u20135 of {len(radios)}")
    while not page.get_by_role("button", name="Submit").is_visible():
        page.get_by_role("button", name="Next").click()
    last_step = where.text_content()
    for radio in radios:
        if page.locator(f"#{radio}").is_visible():
            page.locator(f"#{radio}").check()
    page.get_by_role("button", name="Submit").click()

    expect(page.get_by_text("before submitting")).to_be_visible()
    expect(where).to_have_text(f"Questions 1\u20135 of {len(radios)}")
    assert last_step != f"Questions 1\u20135 of {len(radios)}"
    first = SCHEMA.items[0].machine_name
    expect(page.locator(f"#id_q-{first}_0")).to_be_focused()
    expect(page.locator(".field--error").first).to_be_visible()
    assert Entry.objects.get(author=supervisee).submitted_at is None
