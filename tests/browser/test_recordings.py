"""Recording review end to end: upload on a phone with progress, then on a desktop play it with
Range requests, comment at two times, release, rate; the trainee jumps to the comments' times."""

import pytest
from playwright.sync_api import expect

from recordings.models import Recording, RecordingComment
from tests.browser.helpers import assert_accessible, click_and_wait, sign_in, wait_for_script
from tests.factories import make_supervision
from tests.recordings.conftest import WAV
from worksheets.library.questionnaires import COMPETENCE_RATING, library_templates
from worksheets.models import Entry
from worksheets.services.library import library_load

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RATING_TEMPLATE = next(t for t in library_templates() if t["key"] == COMPETENCE_RATING)


def wait_for_player(page) -> None:
    wait_for_script(
        page, "document.getElementById('recording-player').readyState >= 1", "the player to load"
    )


def comment_at(page, seconds: float, text: str) -> None:
    wait_for_player(page)
    page.evaluate(f"document.getElementById('recording-player').currentTime = {seconds}")
    wait_for_script(
        page,
        f"Math.abs(document.getElementById('recording-player').currentTime - {seconds}) < 0.2",
        f"the player at {seconds} s",
    )
    page.get_by_label("Comment", exact=True).focus()
    page.get_by_label("Comment", exact=True).fill(text)
    page.get_by_role("button", name="Save comment").click()
    page.get_by_text(text).wait_for()


def test_upload_review_rate_and_read(page, phone_page, supervisor, supervisee, tmp_path):
    make_supervision(supervisor, supervisee)
    library_load(templates=[RATING_TEMPLATE])
    sound = tmp_path / "session-3.wav"
    sound.write_bytes(WAV)
    errors = []
    for each in (page, phone_page):
        each.on(
            "console",
            lambda message: errors.append(message.text) if message.type == "error" else None,
        )

    # On a phone: the file uploads with tus, with progress, then the details are saved.
    sign_in(phone_page, supervisee.email)
    phone_page.goto("/recordings/new/")
    assert_accessible(phone_page)
    phone_page.get_by_label("Recording file").set_input_files(str(sound))
    phone_page.get_by_text("Uploaded and checked.").wait_for()
    expect(phone_page.locator("#upload-progress-bar")).to_have_attribute("value", "100")
    phone_page.get_by_label("What was recorded").select_option("therapy")
    phone_page.get_by_label("Description").fill("Session 3: agenda setting.")
    phone_page.get_by_label("Who consented").fill("The patient (Mr K.)")
    phone_page.get_by_label("How").select_option("written")
    phone_page.get_by_label("When").fill("2026-01-05")
    phone_page.get_by_role("button", name="Save recording").click()
    phone_page.get_by_role("heading", name="Session 3: agenda setting.", level=1).wait_for()
    assert_accessible(phone_page)
    phone_page.get_by_role("button", name="Hand in for review").click()
    phone_page.get_by_text("Handed in").first.wait_for()
    recording = Recording.objects.get()
    assert recording.is_handed_in and recording.duration_seconds == pytest.approx(4.0)

    # On a desktop: the supervisor's player fetches the file with a Range request.
    sign_in(page, supervisor.email)
    with page.expect_response(lambda response: "/media/" in response.url) as media:
        page.goto(f"/recordings/{recording.pk}/")
    assert media.value.status == 206
    assert media.value.headers["cache-control"] == "private, no-store"
    assert_accessible(page)
    comment_at(page, 1.0, "A clear bridge from last week.")
    comment_at(page, 3.0, "Ask for her summary before giving yours.")
    assert sorted(RecordingComment.objects.values_list("seconds", flat=True)) == [1, 3]
    page.get_by_role("button", name=f"Release them to {supervisee.name}").click()
    page.get_by_text("Released 2 comments.").wait_for()

    # The competence rating beside the player.
    page.get_by_label("Rating form").select_option(label="Session competence rating")
    page.get_by_role("button", name="Rate this recording").click()
    page.locator("#rating form.worksheet-form").wait_for()
    assert_accessible(page)
    names = page.locator("#rating input[type=radio]").evaluate_all(
        "radios => [...new Set(radios.map(radio => radio.name))]"
    )
    for name in names:
        page.locator(f"#rating input[name='{name}'][value='4']").check()
    page.get_by_role("button", name="Submit rating").click()
    # Read from the database once the release's page has loaded, not while it is on its way.
    click_and_wait(page, page.get_by_role("button", name=f"Release to {supervisee.name}").first)
    rating = Entry.objects.get(subject=supervisee)
    assert rating.is_released and rating.recording_rating.recording == recording

    # The trainee reads the comments and jumps to their times.
    phone_page.goto(f"/recordings/{recording.pk}/")
    wait_for_player(phone_page)
    phone_page.get_by_text("Ask for her summary before giving yours.").wait_for()
    phone_page.get_by_role("button", name="Play from 0:03").click()
    wait_for_script(
        phone_page,
        "Math.abs(document.getElementById('recording-player').currentTime - 3) < 0.5",
        "the player at 3 s",
    )
    expect(phone_page.get_by_role("link", name=rating.display_title)).to_be_visible()
    assert_accessible(phone_page)
    assert errors == []
