"""Feedback end to end: the supervisor comments on one answer and releases it; the trainee replies."""

import pytest
from playwright.sync_api import expect

from feedback.models import Feedback, FeedbackReply
from tests.browser.helpers import assert_accessible, click_and_wait, sign_in
from tests.factories import make_supervision
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def shared_entry(supervisor, supervisee):
    make_supervision(supervisor, supervisee)
    template = worksheet_template_create(
        title="After a hard session", body=SMALL_BODY, publish=True
    )
    entry = submit(entry_start(author=supervisee, template_version=template.versions.get()))
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    return entry


def test_supervisor_releases_feedback_on_one_answer_and_the_trainee_replies(
    page, phone_page, supervisor, supervisee
):
    shared_entry(supervisor, supervisee)

    # The supervisor finds the shared entry and opens its feedback page.
    sign_in(page, supervisor.email)
    page.goto("/worksheets/shared/")
    assert_accessible(page)
    click_and_wait(page, page.get_by_role("link", name="After a hard session"))
    assert_accessible(page)
    page.get_by_role("link", name="Give feedback on this entry").click()
    page.get_by_role("heading", name="After a hard session", level=1).wait_for()
    assert_accessible(page)

    # A comment on one answer, saved through htmx as a draft the trainee cannot see.
    page.get_by_text("Add a comment on “What happened?”").click()
    page.get_by_label("Comment on “What happened?”").fill(
        "You named the situation precisely. What did you notice in your body?"
    )
    page.locator("#thread-what_happened").get_by_role("button", name="Save draft comment").click()
    page.get_by_text("Draft saved. Tess Trainee will see it once you release it.").wait_for()
    assert "#feedback-" not in page.url  # swapped in place by htmx, not a full-page reload
    thread = page.locator("#thread-what_happened")
    expect(thread.get_by_text("Draft — not visible to Tess Trainee")).to_be_visible()
    expect(page.locator("#feedback-summary").get_by_text("1 draft — not visible")).to_be_visible()
    assert_accessible(page)

    # Releasing it swaps the comment in place and tells the trainee.
    thread.get_by_role("button", name="Release to Tess Trainee").click()
    page.get_by_text("Released: Tess Trainee can now read this comment").wait_for()
    assert "#feedback-" not in page.url
    expect(thread.get_by_text("Draft — not visible")).to_have_count(0)
    expect(page.locator("#feedback-summary").get_by_text("1 released comment")).to_be_visible()
    assert_accessible(page)
    feedback = Feedback.objects.get()
    assert feedback.is_released and feedback.anchor == "what_happened"

    # The trainee, on a phone, follows the notification and replies under the comment.
    sign_in(phone_page, supervisee.email)
    phone_page.goto("/notifications/")
    assert_accessible(phone_page)
    phone_page.get_by_role("button", name="Feedback released").click()
    comment = phone_page.locator(f"#feedback-{feedback.pk}")
    comment.get_by_text("What did you notice in your body?").wait_for()
    expect(comment).to_be_visible()
    expect(phone_page.get_by_text("Draft")).to_have_count(0)
    assert_accessible(phone_page)
    comment.get_by_text("Reply").first.click()
    comment.get_by_label("Your reply").fill("My shoulders were up by my ears the whole time.")
    comment.get_by_role("button", name="Send reply").click()
    phone_page.get_by_text("Reply sent; Sam Supervisor has been notified.").wait_for()
    reply = phone_page.locator(f"#feedback-{feedback.pk} .reply")
    expect(reply.get_by_text("Tess Trainee")).to_be_visible()
    expect(reply.get_by_text("My shoulders were up by my ears")).to_be_visible()
    assert_accessible(phone_page)
    assert FeedbackReply.objects.get().author == supervisee


def test_supervisor_edits_released_feedback_and_the_history_is_kept(page, supervisor, supervisee):
    from feedback.services import feedback_create, feedback_release

    entry = shared_entry(supervisor, supervisee)
    feedback = feedback_release(
        feedback=feedback_create(entry=entry, author=supervisor, body="First thoughts."),
        releaser=supervisor,
    )
    sign_in(page, supervisor.email)
    page.goto(f"/feedback/entries/{entry.pk}/")
    comment = page.locator(f"#feedback-{feedback.pk}")
    comment.get_by_role("link", name="Edit this comment").click()
    field = page.get_by_label("Comment", exact=True)
    field.wait_for()
    expect(field).to_be_focused()
    assert_accessible(page)
    field.fill("Second thoughts, more specific.")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("the earlier text is kept in the comment's history").wait_for()
    comment.get_by_text("Earlier version (1)").click()
    expect(comment.get_by_text("First thoughts.")).to_be_visible()
    assert_accessible(page)


def test_the_comments_own_edit_page_saves_without_a_console_error(page, supervisor, supervisee):
    """Opened in a page of its own (a new tab), the editor saved through htmx and got the entry
    page's summary out of band, with no element to put it in: htmx:oobErrorNoTarget, which the
    page fixture fails on. It now posts plainly and goes back to the comment in the entry."""
    from feedback.services import feedback_create

    entry = shared_entry(supervisor, supervisee)
    feedback = feedback_create(entry=entry, author=supervisor, body="First thoughts.")
    sign_in(page, supervisor.email)
    page.goto(f"/feedback/{feedback.pk}/edit/")
    page.get_by_role("heading", name="Edit your comment").wait_for()
    page.get_by_label("Comment", exact=True).fill("Second thoughts, more specific.")
    page.get_by_role("button", name="Save changes").click()
    page.get_by_text("Changes saved.").wait_for()
    expect(page.locator(f"#feedback-{feedback.pk}")).to_contain_text("Second thoughts")
    expect(page.locator("#feedback-summary")).to_be_visible()
    assert_accessible(page)


def test_on_a_long_entry_an_answers_comment_form_comes_when_it_is_opened(
    phone_page, supervisor, supervisee
):
    from feedback.views import FORMS_AT_ONCE
    from worksheets.library import blocks as b

    make_supervision(supervisor, supervisee)
    count = FORMS_AT_ONCE + 2
    body = [b.short(f"Question {n}?", max_length=50) for n in range(1, count + 1)]
    template = worksheet_template_create(title="A long check-in", body=body, publish=True)
    entry = submit(
        entry_start(author=supervisee, template_version=template.versions.get()),
        answers={f"question_{n}": f"Answer {n}" for n in range(1, count + 1)},
    )
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])

    page = phone_page
    sign_in(page, supervisor.email)
    page.goto(f"/feedback/entries/{entry.pk}/")
    page.get_by_text("Add a comment on “Question 7?”").click()
    field = page.get_by_label("Comment on “Question 7?”")
    field.fill("Shorter answers here would do.")
    assert_accessible(page)
    thread = page.locator("#thread-question_7")
    thread.get_by_role("button", name="Save draft comment").click()
    page.get_by_text("Draft saved. Tess Trainee will see it once you release it.").wait_for()
    expect(thread.get_by_text("Draft — not visible to Tess Trainee")).to_be_visible()
    assert Feedback.objects.get().anchor == "question_7"
