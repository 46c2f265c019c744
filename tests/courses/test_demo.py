"""The demo course is complete, written as the issue asks, and loading it twice changes nothing."""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from courses.blocks import validate_doi
from courses.models import (
    CoursePage,
    Enrollment,
    ExerciseEntry,
    LessonCompletion,
    LessonPage,
    ModulePage,
)
from courses.presenters import course_outline
from supervision.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "enrollments": list(Enrollment.objects.values_list("person__email", "role")),
        "completions": LessonCompletion.objects.count(),
        "exercise_entries": ExerciseEntry.objects.count(),
    }


def _exercises(course) -> dict[str, list]:
    """The worksheets of each lesson's exercise blocks, by lesson slug."""
    return {
        lesson.slug: [block.value for block in lesson.body if block.block_type == "exercise"]
        for lesson in LessonPage.objects.live().descendant_of(course)
    }


@pytest.fixture
def seeded(demo_seeded_for_class, db):
    return CoursePage.objects.get(slug="homework-in-cbt-supervision")


class TestTheSeededDemo:
    """The tests that start from the loaded demo share one load."""

    def test_the_demo_course_has_the_modules_lessons_and_readings_asked_for(self, seeded):
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

    def test_the_demo_people_are_enrolled_in_their_roles(self, seeded):
        roles = dict(Enrollment.objects.filter(course=seeded).values_list("person__email", "role"))
        assert roles == {
            "editor@example.org": "lead",
            "supervisor@example.org": "supervisor",
            "supervisor.in.training@example.org": "supervisor",
            "trainee1@example.org": "trainee",
            "trainee2@example.org": "trainee",
        }

    def test_loading_the_demo_again_changes_nothing(self, seeded):
        before = _snapshot()
        call_command("seed_demo", stdout=io.StringIO())
        assert _snapshot() == before

    def test_demo_people_can_read_the_course_and_the_supervisor_sees_progress(self, client, seeded):
        from django.urls import reverse

        client.login(email="supervisor@example.org", password=DEMO_PASSWORD)
        html = client.get(reverse("courses:supervisees", args=[seeded.pk])).content.decode()
        assert "Lina Farrow" in html and "4 of 14 lessons complete" in html
        client.login(email="admin@example.org", password=DEMO_PASSWORD)
        assert client.get(seeded.url).status_code == 200

    def test_at_least_six_demo_lessons_have_an_exercise_with_a_bundled_worksheet(self, seeded):
        exercises = {slug: found for slug, found in _exercises(seeded).items() if found}
        assert len(exercises) >= 6
        for found in exercises.values():
            for exercise in found:
                assert exercise["worksheet"].is_library and exercise["worksheet"].library_key
                assert exercise["worksheet"].live and exercise["prompt"]
        assert exercises["vicious-circle-of-countertransference"][0]["worksheet"].library_key == (
            "countertransference-vicious-circle"
        )

    def test_an_exercise_that_course_staff_removed_is_not_put_back(self, seeded):
        lesson = LessonPage.objects.get(slug="reviewing-homework")
        lesson.body = [(b.block_type, b.value) for b in lesson.body if b.block_type != "exercise"]
        lesson.save_revision().publish()
        call_command("seed_demo", stdout=io.StringIO())
        assert _exercises(seeded)["reviewing-homework"] == []


def test_a_course_loaded_before_the_worksheets_gets_its_exercises_once_they_are_there():
    call_command("seed_courses", stdout=io.StringIO())
    course = CoursePage.objects.get(slug="homework-in-cbt-supervision")
    assert not any(_exercises(course).values())

    call_command("seed_demo", stdout=io.StringIO())
    assert sum(1 for found in _exercises(course).values() if found) >= 6
    before = _snapshot()
    call_command("seed_demo", stdout=io.StringIO())
    assert _snapshot() == before


def test_the_demo_course_files_use_lesson_blocks_and_every_shared_reading():
    from courses.blocks import LessonBodyBlock
    from courses.demo import content

    kinds = set(LessonBodyBlock().child_blocks)
    used = set()
    for path in sorted((content.FOLDER / "modules").glob("*.json")):
        for lesson in content._read(path)["lessons"]:
            for block in lesson["body"]:
                assert block["type"] in kinds, f"{path.name}: {block['type']}"
                assert ("ref" in block) != ("value" in block), f"{path.name}: {block}"
                used.add(block.get("ref"))
    assert set(content.READINGS) <= used
    assert len(content.MODULES) == 5 and sum(len(m["lessons"]) for m in content.MODULES) == 14
