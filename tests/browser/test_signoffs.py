"""On a 320 px phone: a trainee submits a period of hours, the supervisor signs it, the trainee
makes the log book PDF, and its verification code checks out on the public page."""

import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from supervision.models import HoursSignOff
from tests.browser.helpers import assert_accessible, click_and_wait, open_menu, pdf_text_at, sign_in
from tests.conftest import BROWSER_TIMEOUT_MS
from tests.factories import PASSWORD, make_case, make_meeting, make_supervision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
WIDTH = 320


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@pytest.fixture
def narrow_page(browser, live_server):
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": WIDTH, "height": 720},
        is_mobile=True,
        has_touch=True,
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    problems = []
    page.on(
        "console",
        lambda message: problems.append(message.text) if message.type == "error" else None,
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    yield page, problems
    context.close()


def check(page, problems):
    assert page.evaluate("document.documentElement.scrollWidth") <= WIDTH
    assert_accessible(page)
    assert problems == []


def sign_out(page):
    open_menu(page)
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_url("**/accounts/login/")


def test_hours_are_signed_and_the_log_book_verifies(narrow_page, supervisor, supervisee):
    page, problems = narrow_page
    supervision = make_supervision(supervisor, supervisee, started_on=days_ago(90))
    case = make_case(supervision, "Hazel")
    make_meeting(supervision, date=days_ago(30), duration_minutes=60, cases=[case])
    make_meeting(supervision, date=days_ago(16), duration_minutes=45, observation="live")

    # The trainee submits a period; an empty one is refused beside the field, dates kept.
    sign_in(page, supervisee.email)
    page.goto(f"/supervisions/{supervision.pk}/")
    click_and_wait(page, page.get_by_role("link", name="Hours sign-off"))
    check(page, problems)
    page.get_by_label("First day").fill(days_ago(80).isoformat())
    page.get_by_label("Last day").fill(days_ago(70).isoformat())
    click_and_wait(page, page.get_by_role("button", name="Submit for sign-off"))
    expect(page.get_by_text("There are no meetings in this period")).to_be_visible()
    expect(page.get_by_label("First day")).to_have_value(days_ago(80).isoformat())
    check(page, problems)
    page.get_by_label("First day").fill(days_ago(35).isoformat())
    page.get_by_label("Last day").fill(days_ago(10).isoformat())
    page.get_by_label("Note to your supervisor").fill("Both meetings are in.")
    click_and_wait(page, page.get_by_role("button", name="Submit for sign-off"))
    expect(page.get_by_text("Awaiting signature").first).to_be_visible()
    check(page, problems)
    sign_out(page)

    # The supervisor reads the period and signs it.
    sign_in(page, supervisor.email)
    page.goto(f"/supervisions/{supervision.pk}/")
    click_and_wait(page, page.get_by_role("link", name="Hours sign-off"))
    click_and_wait(
        page, page.get_by_role("link", name=f"{days_ago(35):%d %b %Y} to {days_ago(10):%d %b %Y}")
    )
    expect(page.get_by_text("Both meetings are in.")).to_be_visible()
    check(page, problems)
    click_and_wait(page, page.get_by_role("link", name="Sign these hours"))
    # Signing asks for the password again (allauth's re-authentication) unless the person
    # signed in a few minutes ago, then comes back.
    if "/accounts/reauthenticate/" in page.url:
        check(page, problems)
        page.get_by_label("Password").fill(PASSWORD)
        click_and_wait(page, page.get_by_role("button", name="Confirm"))
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("^" + re.escape("Sign the hours of")), use_inner_text=True
    )
    check(page, problems)
    click_and_wait(page, page.get_by_role("button", name="Sign", exact=True))
    # The page says so once the signature is stored; the database is read after, not before.
    expect(page.get_by_text("Signed by").first).to_be_visible()
    signoff = HoursSignOff.objects.get()
    assert signoff.status == HoursSignOff.Status.SIGNED
    check(page, problems)
    sign_out(page)

    # The trainee makes the log book and opens it.
    sign_in(page, supervisee.email)
    page.goto(f"/sign-offs/{signoff.pk}/")
    code = page.locator(".code").inner_text()
    click_and_wait(page, page.get_by_role("button", name="Make the log book (PDF)"))
    link = page.get_by_role("link", name="Open the PDF")
    link.wait_for()
    check(page, problems)
    text = pdf_text_at(page, link.get_attribute("href"))
    assert code in text and supervisee.name in text and "Hazel" in text
    sign_out(page)

    # The programme checks the code: a wrong name is refused, the right one matches.
    page.goto("/verify/")
    check(page, problems)
    page.get_by_label("Verification code").fill(code)
    page.get_by_label("Trainee's name").fill("Someone Else")
    click_and_wait(page, page.get_by_role("button", name="Check"))
    expect(page.get_by_text("does not match")).to_be_visible()
    page.get_by_label("Trainee's name").fill(supervisee.name)
    click_and_wait(page, page.get_by_role("button", name="Check"))
    expect(page.get_by_text("This log book matches the record")).to_be_visible()
    check(page, problems)
