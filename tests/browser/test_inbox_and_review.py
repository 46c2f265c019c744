"""The supervisor's inbox ("Homework I set") on a phone, and the review form as revised (issue 16)."""

import datetime
import uuid

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from homework.models import Review
from homework.services.entries import occurrence_entry_start
from tests.browser.helpers import assert_accessible, open_menu, sign_in
from tests.factories import UserFactory, make_meeting, make_supervision
from tests.homework.factories import make_assignment
from worksheets.services.entries import entry_submit

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def hand_in(assignment):
    occurrence = assignment.expected.first()
    entry = occurrence_entry_start(occurrence=occurrence, author=assignment.supervision.supervisee)
    entry_submit(
        entry=entry,
        answers={},
        reflection="I held back twice.",
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_the_supervisor_finds_what_awaits_them_first_and_filters_on_a_phone(phone_page, supervisor):
    ana = make_supervision(supervisor, UserFactory(display_name="Ana Example"))
    ben = make_supervision(supervisor, UserFactory(display_name="Ben Example"))
    make_assignment(ana, title="Read the chapter on agendas", starts_on=in_days(20))
    make_assignment(ben, title="Map one case", starts_on=in_days(3))
    hand_in(make_assignment(ben, title="Log the urge to rescue", starts_on=in_days(1)))

    sign_in(phone_page, supervisor.email)
    open_menu(phone_page)
    phone_page.get_by_role("link", name="Homework I set").click()
    phone_page.get_by_role("heading", name="Homework I set", level=1).wait_for()
    rows = phone_page.locator("table tbody tr")
    # What waits for the supervisor's feedback comes first, then by due date.
    expect(rows.nth(0).get_by_role("link")).to_have_text("Log the urge to rescue")
    expect(rows.nth(0).get_by_text("Your feedback")).to_be_visible()
    expect(rows.nth(1).get_by_role("link")).to_have_text("Map one case")
    expect(rows.nth(2).get_by_role("link")).to_have_text("Read the chapter on agendas")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(phone_page)

    phone_page.get_by_label("Supervisee").select_option(label="Ana Example")
    phone_page.get_by_role("button", name="Filter").click()
    phone_page.get_by_role("link", name="Show all").wait_for()
    expect(rows).to_have_count(1)
    expect(rows.nth(0).get_by_role("link")).to_have_text("Read the chapter on agendas")
    expect(phone_page.get_by_label("Supervisee")).to_have_value(str(ana.supervisee.pk))
    assert_accessible(phone_page)

    phone_page.get_by_role("link", name="Show all").click()
    phone_page.get_by_role("link", name="Log the urge to rescue").click()
    phone_page.get_by_role("heading", name="Log the urge to rescue", level=1).wait_for()


def test_the_review_form_starts_blank_shows_what_was_learned_and_is_then_edited(
    page, supervisor, supervisee
):
    supervision = make_supervision(supervisor, supervisee)
    make_assignment(supervision, title="Two agenda questions", starts_on=in_days(0))
    held = make_meeting(supervision, date=timezone.localdate())

    sign_in(page, supervisor.email)
    page.goto(f"/meetings/{held.pk}/")
    section = page.get_by_role("region", name="Homework review")
    section.get_by_role("link", name="Review Two agenda questions").click()
    # No outcome is chosen for the supervisor: every radio starts unchecked.
    # The button ends the form: once it shows, every outcome is on the page to be checked.
    page.get_by_role("button", name="Record the review").wait_for()
    outcomes = page.get_by_role("radio")
    expect(outcomes.nth(2)).to_be_attached()  # three outcomes at least
    for outcome in outcomes.all():
        expect(outcome).not_to_be_checked()
    assert_accessible(page)

    # Nothing chosen: refused beside the field, what was typed kept.
    page.get_by_label("What was learned").fill("Asking twice made the agenda stick.")
    page.get_by_role("button", name="Record the review").click()
    page.locator(".field--error, .errorlist").first.wait_for()
    expect(page.get_by_label("What was learned")).to_have_value(
        "Asking twice made the agenda stick."
    )
    assert_accessible(page)

    page.get_by_label("Done", exact=True).check()
    page.get_by_role("button", name="Record the review").click()
    page.get_by_text("Review recorded.").wait_for()

    # The meeting record shows what was learned and offers to edit, not to record again.
    page.goto(f"/meetings/{held.pk}/")
    section = page.get_by_role("region", name="Homework review")
    expect(section.get_by_text("Asking twice made the agenda stick.")).to_be_visible()
    expect(section.get_by_role("link", name="Record the review")).to_have_count(0)
    section.get_by_role("link", name="Edit the review").first.click()
    expect(page.get_by_label("Done", exact=True)).to_be_checked()
    page.get_by_label("What was learned").fill("Asking twice, then waiting, made it stick.")
    page.get_by_role("button", name="Save the review").click()
    page.get_by_text("Review saved.").wait_for()
    assert Review.objects.get().learned == "Asking twice, then waiting, made it stick."
    assert_accessible(page)
