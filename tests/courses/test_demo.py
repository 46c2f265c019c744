"""The demo course files, and a course loaded before the worksheets it embeds.

That the loaded demo course is complete, written as the issue asks, and that loading it twice
changes nothing, is checked with every other app's part on one load: tests/demo/test_parts.py
(TestTheCoursePart).
"""

import io

import pytest
from django.core.management import call_command
from wagtail.models import Page, Revision

from courses.models import (
    CoursePage,
    Enrollment,
    ExerciseEntry,
    LessonCompletion,
    LessonPage,
)

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
