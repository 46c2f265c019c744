"""Course pages run a fixed number of queries whatever the size of the course, and lesson bodies are cached."""

import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.documents import get_document_model

from courses.models import Enrollment
from courses.rendering import cache_key
from courses.services.exercises import exercise_start
from courses.services.progress import lesson_complete
from tests.courses.factories import (
    enrol,
    ensure_course_site,
    make_course,
    make_course_with_lessons,
    make_lesson,
    make_module,
)
from tests.factories import UserFactory, make_supervision
from worksheets.library import blocks as b
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db


def _queries(client, url, *, cold: bool) -> tuple[int, list[str]]:
    if cold:
        cache.clear()
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured), [query["sql"] for query in captured.captured_queries]


def _course_pages(size: int, learner):
    course, lessons = make_course_with_lessons(lessons=size, modules=4)
    enrol(course, learner)
    for lesson in lessons[: size // 2]:
        lesson_complete(person=learner, lesson=lesson)
    middle = lessons[size // 2]
    return {"course": course.url, "module": middle.get_parent().url, "lesson": middle.url}


def test_course_module_and_lesson_pages_do_not_grow_with_the_course(client):
    learner = UserFactory()
    small = _course_pages(3, learner)
    large = _course_pages(40, learner)
    client.force_login(learner)
    for kind in ("course", "module", "lesson"):
        for cold in (True, False):
            client.get(small[kind])
            client.get(large[kind])
            few, few_sql = _queries(client, small[kind], cold=cold)
            many, many_sql = _queries(client, large[kind], cold=cold)
            assert few == many, (kind, cold, few_sql, many_sql)
    # The whole lesson page stays small: session and user (2), our access and progress (2), and
    # the navigation's roles, notification count and course link (1). Wagtail's site, the course
    # index, the route to the lesson with its ancestors, its privacy check and the outline come
    # from the published tree's cache (courses.published_tree). Wagtail's own routing took 19.
    count, sql = _queries(client, large["lesson"], cold=False)
    assert count == 5, sql
    assert not any('FROM "wagtailcore_page"' in query for query in sql), sql


def test_a_path_below_the_course_index_finds_each_level_or_answers_404(client):
    learner = UserFactory()
    pages = _course_pages(3, learner)
    client.force_login(learner)
    for kind in ("course", "module", "lesson"):
        response = client.get(pages[kind])
        assert response.status_code == 200
        assert response.context["page"].url == pages[kind]
    assert client.get(pages["module"] + "no-such-lesson/").status_code == 404
    assert (
        client.get(
            pages["course"] + "no-such-module/" + pages["lesson"].split("/")[-2] + "/"
        ).status_code
        == 404
    )


def test_the_course_index_does_not_grow_with_the_number_of_courses(client):
    learner = UserFactory()
    course, _ = make_course_with_lessons(lessons=2)
    enrol(course, learner)
    client.force_login(learner)
    few = _queries(client, "/learn/", cold=True)[0]
    for _ in range(4):
        other, lessons = make_course_with_lessons(lessons=3)
        enrol(other, learner)
        lesson_complete(person=learner, lesson=lessons[0])
    make_course_with_lessons(lessons=2)  # a course the learner is not in
    assert _queries(client, "/learn/", cold=True)[0] == few


def test_the_people_list_does_not_grow_with_the_members(client):
    course, _ = make_course_with_lessons(lessons=1)
    lead = UserFactory()
    enrol(course, lead, Enrollment.Role.LEAD)
    client.force_login(lead)
    url = reverse("courses:people", args=[course.pk])
    few = _queries(client, url, cold=True)[0]
    for _ in range(15):
        enrol(course, UserFactory(), Enrollment.Role.TRAINEE)
    assert _queries(client, url, cold=True)[0] == few


def test_supervisee_progress_does_not_grow_with_the_supervisees(client):
    course, lessons = make_course_with_lessons(lessons=4, modules=2)
    supervisor = UserFactory()
    enrol(course, supervisor, Enrollment.Role.SUPERVISOR)

    def add_supervisee():
        supervisee = UserFactory()
        enrol(course, supervisee)
        make_supervision(supervisor, supervisee)
        lesson_complete(person=supervisee, lesson=lessons[0])

    add_supervisee()
    client.force_login(supervisor)
    url = reverse("courses:supervisees", args=[course.pk])
    few = _queries(client, url, cold=True)[0]
    for _ in range(8):
        add_supervisee()
    assert _queries(client, url, cold=True)[0] == few


def test_the_navigation_costs_one_query_however_many_enrolments(client):
    person = UserFactory()
    client.force_login(person)
    dashboard = reverse("supervision:dashboard")
    before = _queries(client, dashboard, cold=True)[1]
    course, _ = make_course_with_lessons(lessons=1)
    enrol(course, person)
    after = _queries(client, dashboard, cold=True)[1]
    assert len(after) == len(before)
    assert sum("courses_enrollment" in sql for sql in after) == 1
    for _ in range(3):
        other, _ = make_course_with_lessons(lessons=1)
        enrol(other, person)
    assert len(_queries(client, dashboard, cold=True)[1]) == len(after)


def test_a_published_lesson_body_is_rendered_once_and_then_served_from_the_cache(client):
    ensure_course_site()  # the root collection a document needs, after a transactional flush
    Document = get_document_model()
    document = Document(title="Planning checklist")
    document.file.save("checklist.txt", ContentFile(b"Plan the task."), save=False)
    document.save()
    course, _ = make_course_with_lessons(lessons=1)
    lesson = make_lesson(
        make_module(course),
        body=[
            ("heading", {"text": "A download", "level": "h2"}),
            ("document", {"document": document, "title": "", "description": ""}),
        ],
    )
    learner = UserFactory()
    enrol(course, learner)
    client.force_login(learner)

    client.get(lesson.url)  # warm everything, then forget only the rendered body
    cache.delete(cache_key(lesson.live_revision_id))
    first, first_sql = _queries(client, lesson.url, cold=False)
    second, second_sql = _queries(client, lesson.url, cold=False)
    assert any("wagtaildocs_document" in sql for sql in first_sql)
    assert not any("wagtaildocs_document" in sql for sql in second_sql)
    assert second < first

    # Publishing a change shows it at once: the new revision has its own cache entry.
    lesson.body = [("heading", {"text": "A new heading", "level": "h2"})]
    lesson.save_revision().publish()
    assert "A new heading" in client.get(lesson.url).content.decode()


def _course_with_exercises(size: int, learner, worksheets):
    """A course whose lessons each embed the worksheets, and one lesson without them."""
    course = make_course()
    modules = [make_module(course) for _ in range(4)]
    lessons = []
    for number in range(size):
        body = [
            ("heading", {"text": "Try it", "level": "h2"}),
            *[("exercise", {"worksheet": sheet, "prompt": "Do it."}) for sheet in worksheets],
        ]
        lessons.append(make_lesson(modules[number % 4], body=body))
    lessons.sort(key=lambda lesson: lesson.path)
    plain = make_lesson(modules[0])
    enrol(course, learner)
    for lesson in lessons[: size // 2]:
        lesson_complete(person=learner, lesson=lesson)
        exercise_start(person=learner, lesson=lesson, template_version=worksheets[0].versions.get())
    middle = lessons[size // 2]
    exercise_start(person=learner, lesson=middle, template_version=worksheets[1].versions.get())
    return middle.url, plain.url


def test_a_lesson_with_exercises_does_not_grow_with_the_course_or_its_exercises(client):
    worksheets = [
        worksheet_template_create(
            title=f"Sheet {number}", body=[b.short("What did I try?")], publish=True
        )
        for number in range(3)
    ]
    learner = UserFactory()
    make_supervision(learner, UserFactory())  # a supervisor, so the homework check runs too
    small, _ = _course_with_exercises(3, learner, worksheets)
    large, plain = _course_with_exercises(40, learner, worksheets)
    client.force_login(learner)
    for cold in (True, False):
        client.get(small)
        client.get(large)
        few, few_sql = _queries(client, small, cold=cold)
        many, many_sql = _queries(client, large, cold=cold)
        assert few == many, (cold, few_sql, many_sql)
    html = client.get(large).content.decode()
    assert html.count("Start this exercise") == 2 and html.count("Continue the exercise") == 1
    # Three exercise blocks cost three queries together: the worksheets, which of them this
    # person may start, and their entries from this lesson.
    client.get(plain)
    without = _queries(client, plain, cold=False)[0]
    assert _queries(client, large, cold=False)[0] == without + 3
