"""A trainee downloads a copy of their data and opens its readable copy; an administrator erases a trainee.

Both journeys ask for the password again before anything happens, and every page passes axe.
"""

import zipfile

import pytest

from privacy.models import Erasure
from supervision.services.relationships import supervision_end
from tests.browser.helpers import assert_accessible, click_and_wait, sign_in
from tests.factories import PASSWORD
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _watch_console(page) -> list[str]:
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _confirm_password(page) -> None:
    page.get_by_label("Password").fill(PASSWORD)
    click_and_wait(page, page.get_by_role("button", name="Confirm"))


def test_a_trainee_exports_their_data_and_reads_the_copy(
    page, supervisee, supervisor, supervision, tmp_path
):
    worksheet = worksheet_template_create(title="Small worksheet", body=SMALL_BODY, publish=True)
    entry = submit(entry_start(author=supervisee, template_version=worksheet.versions.get()))
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    errors = _watch_console(page)

    sign_in(page, supervisee.email)
    click_and_wait(page, page.get_by_role("link", name="Your data"))
    assert_accessible(page)
    click_and_wait(page, page.get_by_role("button", name="Prepare a copy of my data"))
    # A sign-in in the last few minutes counts as confirming (REAUTHENTICATION_TIMEOUT);
    # otherwise the password is asked for again first.
    if "/accounts/reauthenticate/" in page.url:
        _confirm_password(page)
    page.get_by_role("link", name="Download (once)").wait_for()
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Download (once)").click()
    archive = zipfile.ZipFile(download.value.path())
    archive.extractall(tmp_path)
    assert errors == []
    # The copy is opened from disk, as its owner would; it has no script of its own (axe's
    # requests for the stylesheet of a file:// page are refused by Chromium, so not counted).
    # In a page of its own: the site's console watch covers the site, not a file on disk.
    copy = page.context.new_page()
    copy.goto((tmp_path / "index.html").as_uri())
    copy.get_by_role("heading", name="Your data", exact=True).wait_for()
    assert "A hard session" in copy.content()
    assert_accessible(copy)
    copy.close()


def test_an_administrator_erases_a_trainee_and_the_supervisors_records_show_the_tombstone(
    page, administrator, supervision
):
    from tests.factories import make_meeting

    meeting = make_meeting(supervision, summary="We looked at rescuing.")
    supervision_end(supervision=supervision)
    trainee = supervision.supervisee
    errors = _watch_console(page)

    sign_in(page, administrator.email)
    page.goto(f"/cms/users/delete/{trainee.pk}/")
    page.get_by_role("heading", name=f"Erase {trainee.name}").wait_for()
    assert_accessible(page)
    page.get_by_label("Type the person's e-mail address to confirm").fill(trainee.email)
    click_and_wait(page, page.get_by_role("button", name=f"Erase {trainee.name}"))
    if "/accounts/reauthenticate/" in page.url:  # unless signed in a few minutes ago
        _confirm_password(page)
    page.get_by_role("heading", name=f"Erasure of Erased person #{trainee.pk}").wait_for()
    assert_accessible(page)
    assert Erasure.objects.filter(person=trainee).exists()

    page.context.clear_cookies()
    sign_in(page, supervision.supervisor.email)
    page.goto(f"/meetings/{meeting.pk}/")
    assert f"Erased person #{trainee.pk}" in page.content()
    assert errors == []
