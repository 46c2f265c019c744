"""Worksheets end to end: authoring in Wagtail, adapting a copy, completing on a phone, sharing."""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import (
    assert_accessible,
    click_and_wait,
    open_menu,
    sign_in,
    wait_for_script,
    wait_until,
)
from tests.factories import make_supervision
from worksheets.library import blocks as b
from worksheets.models import Entry, WorksheetTemplate
from worksheets.services.templates import worksheet_template_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AUTOSAVED = "Draft saved at"


def saved_version(page) -> int:
    return int(page.locator("#id_version").input_value())


def wait_for_autosave(page, after: int) -> int:
    """Wait until an autosave has answered with a version newer than ``after``."""
    wait_for_script(
        page,
        "v => Number(document.querySelector('#id_version').value) > v",
        "an autosave newer than the last",
        arg=after,
    )
    return saved_version(page)


def library_worksheet():
    return worksheet_template_create(
        title="Evening check-in",
        topic="self_practice",
        introduction="A few questions about today's sessions.",
        body=[
            b.short("What went well today?"),
            b.rating10("How tired am I?", low="not at all", high="exhausted"),
            b.rows(
                "Emotions after work",
                [b.column("Emotion"), b.column("How strong (0-100)", "rating_100")],
                max_rows=3,
            ),
            b.circle("One moment as a circle", required=False),
        ],
        publish=True,
    )


def test_course_editor_builds_and_publishes_a_template_in_wagtail(page, course_editor):
    sign_in(page, course_editor.email)
    page.goto("/cms/snippets/worksheets/worksheettemplate/add/")
    page.locator("#id_title").fill("Weekly self-care plan")
    page.locator("#id_introduction").fill("Plan one thing for yourself each day.")
    page.locator("#body-root button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Short text").click()
    page.locator("#body-0-value-label").fill("What will I do for myself this week?")
    page.locator("#body-root button[title='Insert a block']").last.click()
    page.get_by_role("option", name="Rating 0-10", exact=True).click()
    page.locator("#body-1-value-label").fill("How likely am I to do it?")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("created and published").wait_for()

    template = WorksheetTemplate.objects.get(title="Weekly self-care plan")
    assert template.is_library and template.live
    version = template.versions.get()
    assert [f["name"] for f in version.answer_fields] == [
        "what_will_i_do_for_myself_this_week",
        "how_likely_am_i_to_do_it",
    ]

    page.goto("/worksheets/")
    page.get_by_role("link", name="Weekly self-care plan").click()
    expect(page.get_by_role("heading", name="Weekly self-care plan", level=1)).to_be_visible()
    expect(page.get_by_text("How likely am I to do it?")).to_be_visible()
    assert_accessible(page)


def test_supervisor_copies_and_adapts_a_library_template(page, supervisor, supervisee):
    make_supervision(supervisor, supervisee)
    original = library_worksheet()
    sign_in(page, supervisor.email)
    click_and_wait(page, page.get_by_role("link", name="Worksheets").first)
    assert_accessible(page)
    click_and_wait(page, page.get_by_role("link", name="Evening check-in"))
    assert_accessible(page)
    click_and_wait(page, page.get_by_role("link", name="Copy to my templates"))
    assert_accessible(page)
    page.get_by_role("button", name="Copy to my templates").click()
    page.get_by_text("is now one of your own templates").wait_for()

    page.locator("#id_title").fill("Evening check-in for my group")
    page.locator("#body-0-value-label").fill("What went well in today's sessions?")
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.get_by_text("updated and published").wait_for()

    copy = WorksheetTemplate.objects.get(owner=supervisor)
    assert copy.copied_from == original and copy.live
    first = copy.versions.get().definition[0]
    assert first["label"] == "What went well in today's sessions?"
    assert first["name"] == "what_went_well_today"  # the machine name survived the new label
    assert original.versions.get().definition[0]["label"] == "What went well today?"

    page.goto("/worksheets/")
    own = page.get_by_role("region", name="Your own templates")
    expect(own.get_by_role("link", name="Evening check-in for my group")).to_be_visible()
    assert_accessible(page)


def test_trainee_completes_shares_and_the_supervisor_reads_it_on_a_phone(
    phone_page, browser, live_server, supervisor, supervisee
):
    page = phone_page
    make_supervision(supervisor, supervisee)
    library_worksheet()
    sign_in(page, supervisee.email)
    open_menu(page)
    click_and_wait(page, page.get_by_role("link", name="Worksheets").first)
    click_and_wait(page, page.get_by_role("link", name="Evening check-in"))
    assert_accessible(page)
    click_and_wait(page, page.get_by_role("button", name="Start this worksheet"))
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    # Typing is saved every few seconds without pressing anything.
    version = saved_version(page)
    page.get_by_label("What went well today?").fill("I kept to the agenda with Mr Finch")
    page.get_by_text(AUTOSAVED).wait_for()
    version = wait_for_autosave(page, version)
    entry = Entry.objects.get(author=supervisee)
    assert entry.get_data()["what_went_well_today"] == "I kept to the agenda with Mr Finch"

    page.get_by_text("7", exact=True).click()
    page.get_by_label("Emotion").first.fill("Relieved")
    page.get_by_label("How strong (0-100)").first.fill("60")
    page.get_by_role("button", name="Add a row").first.click()
    page.locator("#id_q-emotions_after_work-1-emotion").fill("Tired")
    page.locator("#id_q-emotions_after_work-1-how_strong_0_100").fill("45")
    page.get_by_label("Free reflection").fill("Shorter notes helped.")
    wait_for_autosave(page, version)
    page.reload()
    expect(page.get_by_label("What went well today?")).to_have_value(
        "I kept to the agenda with Mr Finch"
    )
    expect(page.locator("#id_q-emotions_after_work-1-emotion")).to_have_value("Tired")

    page.get_by_role("button", name="Submit").click()
    page.get_by_text("This entry is private to you").wait_for()
    expect(page.get_by_text("7 out of 10")).to_be_visible()
    expect(page.get_by_role("cell", name="Tired")).to_be_visible()
    assert_accessible(page)

    page.get_by_label(supervisor.name).check()
    page.get_by_role("button", name="Save sharing").click()
    page.get_by_text(f"Shared with {supervisor.name}").wait_for()
    assert_accessible(page)
    page.get_by_role("link", name="Printable version").click()
    expect(page.get_by_role("button", name="Print")).to_be_visible()
    assert_accessible(page)
    page.goto("/worksheets/entries/?sharing=shared")
    expect(page.get_by_role("cell", name=f"Shared with {supervisor.name}")).to_be_visible()
    assert_accessible(page)
    open_menu(page)
    # Signed in again only once signed out: a goto would cancel the sign-out's POST.
    click_and_wait(page, page.get_by_role("button", name="Sign out"))

    sign_in(page, supervisor.email)
    click_and_wait(page, page.get_by_role("link", name="Entries shared with you"))
    assert_accessible(page)
    page.get_by_role("link", name="Evening check-in").click()
    expect(page.get_by_text(f"By {supervisee.name}")).to_be_visible()
    expect(page.get_by_text("I kept to the agenda with Mr Finch")).to_be_visible()
    expect(page.get_by_text("Shorter notes helped.")).to_be_visible()
    assert_accessible(page)


def test_leaving_the_page_saves_and_a_second_tab_cannot_overwrite(page, supervisee):
    library_worksheet()
    sign_in(page, supervisee.email)
    page.goto("/worksheets/")
    page.get_by_role("link", name="Evening check-in").click()
    page.get_by_role("button", name="Start this worksheet").click()
    page.get_by_label("What went well today?").wait_for()
    edit_url = page.url

    # Leaving straight after typing still saves what was typed.
    page.get_by_label("What went well today?").fill("Typed just before leaving")
    page.goto("/worksheets/entries/")
    entry = Entry.objects.get(author=supervisee)
    page.evaluate("true")  # let the browser finish the request sent on leaving
    # The save sent on leaving may land after the next page: poll for it (a condition with a
    # generous bound, not a fixed number of short waits that a busy machine outruns).

    def saved_on_leaving():
        entry.refresh_from_db()
        return entry.get_data().get("what_went_well_today")

    wait_until(page, saved_on_leaving, "the save sent on leaving")
    assert entry.get_data()["what_went_well_today"] == "Typed just before leaving"

    first_tab = page
    first_tab.goto(edit_url)
    second_tab = page.context.new_page()
    second_tab.goto(edit_url)
    second_tab.get_by_label("What went well today?").fill("Written in the second tab")
    wait_for_autosave(second_tab, saved_version(first_tab))

    first_tab.get_by_label("What went well today?").fill("Written in the first tab")
    alert = first_tab.get_by_role("alert")
    alert.wait_for()
    expect(alert).to_contain_text("changed in another tab")
    expect(first_tab.get_by_label("What went well today?")).to_have_value(
        "Written in the first tab"
    )
    assert_accessible(first_tab)
    entry.refresh_from_db()
    assert entry.get_data()["what_went_well_today"] == "Written in the second tab"


def test_a_refused_submit_on_a_phone_opens_the_step_of_the_first_missing_answer(
    phone_page, supervisee
):
    """Trial finding 4: the page stayed on the last step while the missing answer was marked on
    the first one, hidden; it opens that step and puts the cursor in that question."""
    page = phone_page
    worksheet_template_create(
        title="Week review",
        topic="self_practice",
        introduction="Three parts.",
        body=[
            b.heading("Sessions"),
            *[b.short(f"Session question {n}") for n in range(1, 5)],
            b.heading("Supervision"),
            *[b.short(f"Supervision question {n}") for n in range(1, 5)],
            b.heading("Next week"),
            *[b.short(f"Next week question {n}") for n in range(1, 5)],
        ],
        publish=True,
    )
    sign_in(page, supervisee.email)
    page.goto("/worksheets/")
    page.get_by_role("link", name="Week review").click()
    page.get_by_role("button", name="Start this worksheet").click()
    page.get_by_role("heading", name="Week review", level=1).wait_for()
    where = page.locator(".steps__where")
    expect(where).to_have_text("Questions 1\u20134 of 12")
    # Everything answered but the second question of the first step and the last question.
    for part in ("Session", "Supervision", "Next week"):
        for n in range(1, 5):
            label = f"{part} question {n}"
            if label in ("Session question 2", "Next week question 4"):
                continue
            if not page.get_by_label(label).is_visible():
                page.get_by_role("button", name="Next").click()
            page.get_by_label(label).fill("Done")
    expect(where).to_have_text("Questions 9\u201312 of 12")
    page.get_by_role("button", name="Submit").click()

    expect(page.get_by_text("Please correct the fields marked below.")).to_be_visible()
    expect(where).to_have_text("Questions 1\u20134 of 12")
    missing = page.get_by_label("Session question 2")
    expect(missing).to_be_visible()
    expect(missing).to_be_focused()
    expect(page.get_by_label("Session question 1")).to_have_value("Done")
    # The other missing answer is found by going on, as before.
    page.get_by_role("button", name="Next").click()
    page.get_by_role("button", name="Next").click()
    expect(page.get_by_label("Next week question 4")).to_be_visible()
    expect(page.locator(".field--error")).to_have_count(2)
    assert Entry.objects.get(author=supervisee).submitted_at is None
