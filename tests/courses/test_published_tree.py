"""The live course tree is read once and cached until any page changes (issue 11)."""

import pytest

from courses.models.pages import live_modules_and_lessons
from tests.courses.factories import make_lesson

pytestmark = pytest.mark.django_db


def titles(course):
    modules, lessons = live_modules_and_lessons(course)
    return [m.title for m in modules], [lesson.title for lesson in lessons]


def test_the_tree_is_read_once_then_from_the_cache(course, django_assert_num_queries):
    with django_assert_num_queries(2):
        first = titles(course)
    with django_assert_num_queries(0):
        assert titles(course) == first


def test_every_change_to_a_page_shows_at_once(course, lessons):
    modules, shown = titles(course)
    module = lessons[0].get_parent().specific

    added = make_lesson(module, title="A lesson added later")  # published
    assert "A lesson added later" in titles(course)[1]

    added.title = "A lesson renamed"
    added.save_revision().publish()
    assert "A lesson renamed" in titles(course)[1]
    assert "A lesson added later" not in titles(course)[1]

    added.unpublish()
    assert "A lesson renamed" not in titles(course)[1]

    first = lessons[0]
    first.move(lessons[-1].get_parent(), pos="last-child")
    assert titles(course)[1][-1] == first.title

    first.specific.delete()
    assert first.title not in titles(course)[1]
    assert titles(course)[0] == modules
