"""Courses in a real browser: a lead publishes a lesson, a trainee learns from it, outsiders are kept out."""

import re

import pytest
from playwright.sync_api import expect

from courses.models import Enrollment, LessonPage
from tests.browser.helpers import assert_accessible, click_and_wait, open_menu, sign_in
from tests.courses.factories import (
    enrol,
    ensure_course_site,
    make_course,
    make_lesson,
    make_module,
)
from tests.factories import UserFactory, make_supervision

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LESSON_BODY = [
    ("heading", {"text": "Reviewing homework first", "level": "h2"}),
    ("text", "<p>Start the session by asking what the person tried since last time.</p>"),
    (
        "key_points",
        {"title": "Key points", "points": ["Review first.", "Ask what got in the way."]},
    ),
    (
        "case_vignette",
        {
            "title": "The diary that stayed in the bag",
            "people": "Mr Okafor, an invented patient",
            "vignette": "<p>He forgot the diary for the second week running.</p>",
            "questions": ["What would you ask first?"],
        },
    ),
    ("callout", {"kind": "tip", "title": "", "text": "<p>Be curious, not disappointed.</p>"}),
    (
        "reading",
        {
            "citation": "Tompkins, M. A. (2002). Guidelines for enhancing homework compliance. "
            "Journal of Clinical Psychology, 58(5), 565–576.",
            "doi": "10.1002/jclp.10033",
            "link": "",
            "why_read": "Practical guidelines for setting and reviewing homework.",
        },
    ),
    ("heading", {"text": "When it was not done", "level": "h3"}),
    ("quote", {"quote": "Not doing it is information.", "attribution": "A supervisor"}),
]


@pytest.fixture
def course_with_lessons():
    ensure_course_site()
    course = make_course("Homework in supervision")
    module = make_module(course, "Reviewing homework")
    lessons = [
        make_lesson(module, "Review first", body=LESSON_BODY),
        make_lesson(module, "When homework was not done"),
        make_lesson(make_module(course, "Designing tasks"), "Specific tasks"),
    ]
    return course, module, lessons


def test_a_course_lead_creates_and_publishes_a_lesson_in_the_editor(page, course_with_lessons):
    course, module, _ = course_with_lessons
    lead = UserFactory(display_name="Ruth Lead")
    enrol(course, lead, Enrollment.Role.LEAD)
    sign_in(page, lead.email)

    page.goto(f"/cms/pages/{module.pk}/")
    assert_accessible(page)
    page.goto(f"/cms/pages/{module.pk}/add_subpage/")
    # A module takes only lessons, so Wagtail opens the lesson form straight away.
    expect(page).to_have_url(re.compile(r"/cms/pages/add/courses/lessonpage/\d+/$"))
    assert_accessible(page)
    page.get_by_placeholder("Page title*").fill("The alliance and homework")
    page.locator("#id_estimated_minutes").fill("12")
    page.locator("#id_summary").fill("How the working alliance makes homework easier to agree.")
    page.locator("button.c-sf-add-button").first.click()
    page.get_by_role("option", name="Text").click()
    editor = page.locator("[contenteditable=true]").first
    editor.click()
    page.keyboard.type("A strong working alliance makes homework easier to agree.")
    # Draftail copies what was typed into the form's hidden field; publish once it has.
    expect(page.locator('input[name="body-0-value"]')).to_have_value(re.compile("alliance"))
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish").click()
    page.wait_for_url(f"**/cms/pages/{module.pk}/")

    lesson = LessonPage.objects.get(title="The alliance and homework")
    assert lesson.live
    page.goto(lesson.url)
    expect(page.get_by_role("heading", level=1)).to_have_text("The alliance and homework")
    expect(page.get_by_text("A strong working alliance makes homework easier")).to_be_visible()
    assert_accessible(page)


def test_an_enrolled_trainee_reads_a_lesson_marks_it_complete_and_sees_progress(
    phone_page, course_with_lessons
):
    page = phone_page
    course, module, lessons = course_with_lessons
    trainee = UserFactory(display_name="Lina Trainee")
    enrol(course, trainee)
    sign_in(page, trainee.email)

    open_menu(page)
    page.get_by_role("link", name="Courses").click()
    expect(page.get_by_role("heading", name="Your courses")).to_be_visible()
    expect(page.get_by_text("Your progress: 0 of 3 lessons complete (0%)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Homework in supervision").click()
    expect(page.get_by_text("Whole course: 0 of 3 lessons complete (0%)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name="Reviewing homework", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reviewing homework")
    assert_accessible(page)

    page.get_by_role("main").get_by_role("link", name="Review first").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Review first")
    toc = page.get_by_role("navigation", name="On this page")
    expect(toc.get_by_role("link", name="When it was not done")).to_be_visible()
    expect(page.get_by_text("an invented case")).to_be_visible()
    expect(page.get_by_role("link", name="10.1002/jclp.10033")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)

    page.get_by_role("button", name="Mark lesson complete").click()
    expect(page.get_by_text("“Review first” is marked complete.")).to_be_visible()
    expect(page.get_by_text("You have completed this lesson.")).to_be_visible()
    expect(page.get_by_text("This module: 1 of 2 lessons complete (50%)")).to_be_visible()
    expect(page.get_by_text("Whole course: 1 of 3 lessons complete (33%)")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("link", name=re.compile("Next lesson")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("When homework was not done")
    page.get_by_role("navigation", name="Breadcrumb").get_by_role(
        "link", name="Homework in supervision"
    ).click()
    expect(page.get_by_text("Whole course: 1 of 3 lessons complete (33%)")).to_be_visible()


def test_a_person_who_is_not_enrolled_cannot_read_the_lesson(page, course_with_lessons):
    course, _, lessons = course_with_lessons
    lead = UserFactory(display_name="Ruth Lead", email="ruth.lead@example.org")
    enrol(course, lead, Enrollment.Role.LEAD)
    outsider = UserFactory()
    sign_in(page, outsider.email)

    page.goto(lessons[0].url)
    expect(page.get_by_role("heading", name="This course is for enrolled people")).to_be_visible()
    expect(page.get_by_role("link", name="ruth.lead@example.org")).to_be_visible()
    expect(page.get_by_text("Start the session by asking")).to_have_count(0)
    expect(page.get_by_role("link", name="Courses", exact=True)).to_have_count(0)
    assert_accessible(page)


def test_course_staff_enrol_a_list_after_checking_it(page, course_with_lessons):
    course, _, _ = course_with_lessons
    staff = UserFactory()
    enrol(course, staff, Enrollment.Role.STAFF)
    newcomer = UserFactory(display_name="Nia Newcomer", email="nia@example.org")
    sign_in(page, staff.email)

    page.goto(course.url)
    click_and_wait(page, page.get_by_role("link", name="People enrolled in this course"))
    assert_accessible(page)
    page.get_by_role("link", name="Enrol from a list").click()
    page.get_by_label("E-mail addresses").fill("nia@example.org\nnot-an-address\nghost@example.org")
    page.get_by_role("button", name="Check the list").click()
    expect(page.get_by_role("heading", name="2 lines cannot be enrolled")).to_be_visible()
    expect(page.get_by_text("There is no e-mail address on this line.")).to_be_visible()
    expect(page.get_by_text("No account uses this address.", exact=False)).to_be_visible()
    assert not Enrollment.objects.filter(person=newcomer).exists()
    assert_accessible(page)

    page.get_by_role("button", name="Enrol 1 person").click()
    expect(page.get_by_text("Enrolled 1 person as trainee.")).to_be_visible()
    expect(page.get_by_role("cell", name="Nia Newcomer", exact=True)).to_be_visible()
    assert Enrollment.objects.get(person=newcomer).role == "trainee"
    assert_accessible(page)


def test_a_supervisor_follows_a_supervisee_and_searches_the_course(page, course_with_lessons):
    course, _, lessons = course_with_lessons
    supervisor = UserFactory(display_name="Maren Supervisor")
    supervisee = UserFactory(display_name="Omar Supervisee")
    enrol(course, supervisor, Enrollment.Role.SUPERVISOR)
    enrol(course, supervisee)
    make_supervision(supervisor, supervisee)
    sign_in(page, supervisor.email)

    page.goto(course.url)
    page.get_by_role("link", name="Your supervisees’ progress in this course").click()
    expect(page.get_by_role("heading", name="Omar Supervisee")).to_be_visible()
    expect(page.get_by_text("Whole course: 0 of 3 lessons complete (0%)")).to_be_visible()
    assert_accessible(page)

    page.goto(course.url)
    page.get_by_label("Search the lessons of your courses").fill("curious")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 lesson matches “curious”.")).to_be_visible()
    expect(page.get_by_role("link", name="Review first")).to_be_visible()
    assert_accessible(page)
