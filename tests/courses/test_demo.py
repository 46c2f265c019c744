"""The demo course is complete, written as the issue asks, and loading it twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from courses.blocks import validate_doi
from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage, ModulePage
from courses.selectors import course_outline
from supervision.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "enrollments": list(Enrollment.objects.values_list("person__email", "role")),
        "completions": LessonCompletion.objects.count(),
    }


@pytest.fixture
def seeded():
    call_command("seed_demo", stdout=io.StringIO())
    return CoursePage.objects.get(slug="homework-in-cbt-supervision")


def test_the_demo_course_has_the_modules_lessons_and_readings_asked_for(seeded):
    outline = course_outline(seeded)
    assert seeded.title == "Homework in CBT supervision"
    assert len(outline.modules) >= 4
    assert len(outline.lessons) >= 12
    lessons = LessonPage.objects.live().descendant_of(seeded)
    for lesson in lessons:
        readings = [block.value for block in lesson.body if block.block_type == "reading"]
        assert readings, lesson.title
        for reading in readings:
            assert reading["citation"] and reading["why_read"]
            if reading["doi"]:
                validate_doi(reading["doi"])
    all_citations = " ".join(
        block.value["citation"]
        for lesson in lessons
        for block in lesson.body
        if block.block_type == "reading"
    )
    assert "Kazantzis, N., Whittington, C., & Dattilio, F. (2010)" in all_citations
    assert ModulePage.objects.child_of(seeded).count() == len(outline.modules)


def test_the_demo_people_are_enrolled_in_their_roles(seeded):
    roles = dict(Enrollment.objects.filter(course=seeded).values_list("person__email", "role"))
    assert roles == {
        "editor@example.org": "lead",
        "supervisor@example.org": "supervisor",
        "supervisor.in.training@example.org": "supervisor",
        "trainee1@example.org": "trainee",
        "trainee2@example.org": "trainee",
    }


def test_loading_the_demo_again_changes_nothing(seeded):
    before = _snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert _snapshot() == before


def test_demo_people_can_read_the_course_and_the_supervisor_sees_progress(client, seeded):
    from django.urls import reverse

    client.login(email="supervisor@example.org", password=DEMO_PASSWORD)
    html = client.get(reverse("courses:supervisees", args=[seeded.pk])).content.decode()
    assert "Lina Farrow" in html and "4 of 14 lessons complete" in html
    client.login(email="admin@example.org", password=DEMO_PASSWORD)
    assert client.get(seeded.url).status_code == 200
