"""A lesson's worksheet exercise in a real browser: a lead embeds it in Wagtail, a trainee does it on a phone."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Enrollment, LessonCompletion, LessonPage
from tests.browser.helpers import assert_accessible, sign_in
from tests.courses.factories import enrol, ensure_course_site, make_course, make_lesson, make_module
from tests.factories import UserFactory
from worksheets.library import blocks as b
from worksheets.models import Entry
from worksheets.services.templates import worksheet_template_create

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_lead_embeds_an_exercise_and_a_trainee_does_it_and_sees_progress_move(page, phone_page):
    ensure_course_site()
    worksheet = worksheet_template_create(
        title="Confidence check",
        introduction="Three short questions about a task you agreed.",
        body=[
            b.short("Which task did I agree?"),
            b.rating10("How confident am I that I will do it?", low="not at all", high="fully"),
        ],
        publish=True,
    )
    course = make_course("Homework in supervision")
    module = make_module(course, "Agreeing homework")
    make_lesson(module, "Specific tasks")
    lead = UserFactory(display_name="Ruth Lead")
    enrol(course, lead, Enrollment.Role.LEAD)
    trainee = UserFactory(display_name="Lina Trainee")
    enrol(course, trainee)

    # The course lead writes the lesson in Wagtail and embeds the worksheet.
    sign_in(page, lead.email)
    page.goto(f"/cms/pages/{module.pk}/add_subpage/")
    expect(page).to_have_url(re.compile(r"/cms/pages/add/courses/lessonpage/\d+/$"))
    page.get_by_placeholder("Page title*").fill("Rating confidence")
    page.locator("#id_estimated_minutes").fill("10")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Worksheet exercise").click()
    page.get_by_role("button", name="Choose worksheet template").click()
    page.get_by_role("dialog").get_by_role("link", name="Confidence check").click()
    expect(page.locator('input[name="body-0-value-worksheet"]')).to_have_value(str(worksheet.pk))
    page.locator('textarea[name="body-0-value-prompt"]').fill("Rate a task you agreed this week.")
    assert_accessible(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**/cms/pages/{module.pk}/")
    lesson = LessonPage.objects.get(title="Rating confidence")
    assert lesson.live

    # An enrolled trainee reads it on a phone and does the exercise there.
    phone = phone_page
    sign_in(phone, trainee.email)
    phone.goto(lesson.url)
    exercise = phone.get_by_role("region", name="Confidence check")
    expect(exercise.get_by_text("Rate a task you agreed this week.")).to_be_visible()
    expect(phone.get_by_text("Whole course: 0 of 2 lessons complete (0%)")).to_be_visible()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(phone)

    exercise.get_by_role("button", name="Start this exercise").click()
    expect(phone.get_by_role("heading", name="Confidence check", level=1)).to_be_visible()
    expect(phone.get_by_text("“Rating confidence” is marked complete", exact=False)).to_be_visible()
    assert_accessible(phone)
    phone.get_by_label("Which task did I agree?").fill("Two agenda questions in each session")
    phone.get_by_text("8", exact=True).click()
    phone.get_by_role("button", name="Submit").click()
    expect(phone.get_by_text("This entry is private to you")).to_be_visible()
    assert Entry.objects.get(author=trainee).status == Entry.Status.SUBMITTED
    assert LessonCompletion.objects.filter(person=trainee, lesson=lesson).exists()

    phone.goto(lesson.url)
    exercise = phone.get_by_role("region", name="Confidence check")
    expect(exercise.get_by_text("You submitted this exercise on", exact=False)).to_be_visible()
    expect(phone.get_by_text("You have completed this lesson.")).to_be_visible()
    expect(phone.get_by_text("Whole course: 1 of 2 lessons complete (50%)")).to_be_visible()
    assert_accessible(phone)
    exercise.get_by_role("link", name="Read your entry").click()
    expect(phone.get_by_text("Two agenda questions in each session")).to_be_visible()
