"""The homework loop in a browser: agree it, do it on a phone, review it at the next meeting."""

import datetime

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from homework.models import Assignment, Review
from tests.browser.helpers import assert_accessible, click_and_wait, open_menu, sign_in
from tests.factories import make_meeting, make_supervision
from worksheets.library import blocks as b
from worksheets.services.templates import worksheet_template_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def urge_log():
    return worksheet_template_create(
        title="Urge log",
        body=[
            b.short("When did I want to step in?", max_length=200),
            b.rating10("How strong was the urge?", low="barely", high="overwhelming"),
        ],
        publish=True,
    )


def test_the_homework_loop(page, phone_page, supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee)
    urge_log()
    agreed_in = make_meeting(supervision, date=timezone.localdate() - datetime.timedelta(days=1))

    # The supervisor sets homework from the meeting where it was agreed.
    sign_in(page, supervisor.email)
    page.goto(f"/meetings/{agreed_in.pk}/")
    page.get_by_role("link", name=f"Set homework for {supervisee.name}").click()
    page.get_by_label("Title").fill("Notice the urge to rescue")
    page.get_by_label("Category").select_option(label="Work on oneself")
    page.get_by_label("Instructions").fill(
        "After each session, log the moment you wanted to step in."
    )
    page.get_by_label("Rationale").fill("Stepping in early keeps patients from trying.")
    page.get_by_label("Worksheet").select_option(label="Urge log")
    page.get_by_label("When (optional)", exact=True).fill("Straight after each session")
    page.get_by_label("Anticipated obstacle").first.fill("Back-to-back sessions")
    page.get_by_label("Plan to get past it").first.fill("One line on a sticky note")
    # No meeting is planned yet, so the due date offered is a week on; this one is due today.
    due = page.get_by_label("Due date")
    expect(due).to_have_value(str(timezone.localdate() + datetime.timedelta(days=7)))
    due.fill(str(timezone.localdate()))
    page.get_by_label("Supervisee's confidence").fill("5")
    expect(page.get_by_text("consider making the task smaller or easier")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("button", name="Assign homework").click()
    page.get_by_role("heading", name="Notice the urge to rescue", level=1).wait_for()
    expect(page.get_by_text("Confidence is 5/10")).to_be_visible()
    expect(page.get_by_text("Plan: One line on a sticky note")).to_be_visible()
    assert_accessible(page)
    assignment = Assignment.objects.get()
    assert assignment.meeting == agreed_in

    # The trainee does it on a phone and hands it in.
    sign_in(phone_page, supervisee.email)
    # On a phone the header is one line; the menu opens from its button.
    assert phone_page.locator(".site-header").bounding_box()["height"] < 0.2 * 844
    open_menu(phone_page)
    click_and_wait(phone_page, phone_page.get_by_role("link", name="My homework"))
    assert_accessible(phone_page)
    phone_page.get_by_role("button", name="Start Notice the urge to rescue").click()
    phone_page.get_by_label("When did I want to step in?").fill("When R. went quiet")
    phone_page.get_by_text("6", exact=True).click()
    phone_page.get_by_role("button", name="Submit").click()
    phone_page.get_by_text("Handed in. Your supervisor can now read it.").wait_for()
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(phone_page)

    # The supervisor finds it awaiting feedback, comments on one answer and releases it.
    page.goto("/")
    page.get_by_role("link", name="Urge log").click()
    page.get_by_text("Add a comment on “When did I want to step in?”").click()
    page.get_by_label("Comment on “When did I want to step in?”").fill(
        "Quiet moments pull you in. What did you do with the urge?"
    )
    thread = page.locator("#thread-when_did_i_want_to_step_in")
    thread.get_by_role("button", name="Save draft comment").click()
    page.get_by_text(f"Draft saved. {supervisee.name} will see it once you release it.").wait_for()
    thread.get_by_role("button", name=f"Release to {supervisee.name}").click()
    page.get_by_text(f"Released: {supervisee.name} can now read this comment").wait_for()
    assert_accessible(page)

    # The trainee reads it from the bell and replies.
    phone_page.goto("/notifications/")
    phone_page.get_by_role("button", name="Feedback released").click()
    comment = phone_page.locator("#thread-when_did_i_want_to_step_in")
    comment.get_by_text("What did you do with the urge?").wait_for()
    comment.get_by_text("Reply").first.click()
    comment.get_by_label("Your reply").fill("I counted to five and asked a question instead.")
    comment.get_by_role("button", name="Send reply").click()
    phone_page.get_by_text(f"Reply sent; {supervisor.name} has been notified.").wait_for()
    assert_accessible(phone_page)

    # At the next meeting the homework is reviewed first: this time it was not attempted.
    next_meeting = make_meeting(supervision, date=timezone.localdate())
    page.goto(f"/meetings/{next_meeting.pk}/")
    review_section = page.get_by_role("region", name="Homework review")
    expect(
        review_section.get_by_role("link", name="Notice the urge to rescue", exact=True)
    ).to_be_visible()
    assert_accessible(page)
    review_section.get_by_role("link", name="Review Notice the urge to rescue").click()
    page.get_by_label("Not attempted").check()
    page.get_by_label("Reason (optional)", exact=True).select_option(
        label="Too demanding at the moment"
    )
    page.get_by_label("Next step").select_option(label="Make it easier")
    assert_accessible(page)
    page.get_by_role("button", name="Record the review").click()
    page.get_by_text("Review recorded.").wait_for()
    assert Review.objects.get().meeting == next_meeting

    # The dashboard shows it as information: in the chart's data table and the reasons.
    page.goto("/")
    page.get_by_text(f"Figures for {supervisee.name}").click()
    table = page.get_by_role("table", name=f"Homework reviews per week for {supervisee.name}")
    expect(table.get_by_role("row").last.get_by_role("cell").nth(2)).to_have_text("1")
    expect(page.get_by_text("too demanding at the moment (1)")).to_be_visible()
    assert_accessible(page)
