"""A trainee's browser reports their time zone once; they set their notices on a phone, by keyboard."""

import pytest
from playwright.sync_api import expect

from supervision.models import User
from tests.browser.helpers import (
    assert_accessible,
    click_and_wait,
    press_and_wait,
    sign_in,
    wait_until,
)
from tests.conftest import BROWSER_TIMEOUT_MS
from tests.factories import make_supervision
from tests.homework.factories import make_assignment

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_browser_zone_is_stored_and_preferences_are_set_on_a_phone(
    browser, live_server, supervisor, supervisee
):
    make_assignment(make_supervision(supervisor, supervisee), title="Notice the urge")
    context = browser.new_context(
        base_url=live_server.url,
        viewport={"width": 320, "height": 740},
        is_mobile=True,
        timezone_id="Pacific/Auckland",
    )
    page = context.new_page()
    page.set_default_timeout(BROWSER_TIMEOUT_MS)
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    try:
        sign_in(page, supervisee.email)
        # The script reports in the background after the page loads.
        wait_until(page, lambda: User.objects.get(pk=supervisee.pk).timezone, "the time zone")
        assert User.objects.get(pk=supervisee.pk).timezone == "Pacific/Auckland"

        page.goto("/notifications/preferences/")
        expect(page.get_by_label("Time zone")).to_have_value("Pacific/Auckland")
        assert "time-zone.js" not in page.content()
        assert_accessible(page)
        page.get_by_label("Weekly summary for supervisors (Monday morning)").uncheck()
        page.get_by_label("Quiet from").fill("22:00")
        page.get_by_label("Quiet until").fill("07:00")
        press_and_wait(page, page.get_by_role("button", name="Save preferences"))
        expect(page.get_by_text("Your notification preferences are saved.")).to_be_visible()
        click_and_wait(page, page.get_by_role("button", name="Turn reminders off"))
        expect(page.get_by_text("Reminders off", exact=True)).to_be_visible()
        assert_accessible(page)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320
        assert errors == []
    finally:
        context.close()
