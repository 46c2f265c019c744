"""Search across lessons with Wagtail's database backend, only in courses the person may read."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.courses.factories import enrol, make_course, make_lesson, make_module
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _lesson(course, title, words):
    module = make_module(course)
    return make_lesson(module, title=title, body=[("text", f"<p>{words}</p>")])


@pytest.fixture
def two_courses():
    open_course = make_course("Open course")
    closed_course = make_course("Closed course")
    visible = _lesson(open_course, "Reviewing homework", "Ask about the obstacles that arose.")
    hidden = _lesson(closed_course, "Secret obstacles", "The obstacles nobody may read about.")
    return open_course, closed_course, visible, hidden


def _search(client, query):
    return client.get(reverse("courses:search"), {"q": query}).content.decode()


def test_search_finds_words_in_the_lesson_body_of_own_courses_only(client, two_courses):
    open_course, closed_course, visible, hidden = two_courses
    trainee = UserFactory()
    enrol(open_course, trainee)
    client.force_login(trainee)
    html = _search(client, "obstacles")
    assert visible.title in html and visible.url in html
    assert "Open course" in html
    assert hidden.title not in html
    assert "1 lesson matches" in html


def test_people_without_courses_find_nothing(client, two_courses):
    client.force_login(UserFactory())
    html = _search(client, "obstacles")
    assert "0 lessons match" in html
    assert two_courses[3].title not in html


def test_administrators_search_every_course(client, two_courses, administrator):
    client.force_login(administrator)
    html = _search(client, "obstacles")
    assert two_courses[2].title in html and two_courses[3].title in html


def test_unpublished_lessons_are_not_found(client, two_courses):
    open_course, _, visible, _ = two_courses
    trainee = UserFactory()
    enrol(open_course, trainee)
    visible.unpublish()
    client.force_login(trainee)
    assert visible.title not in _search(client, "obstacles")


def test_anonymous_people_are_sent_to_sign_in(client):
    response = client.get(reverse("courses:search"), {"q": "homework"})
    assert response["Location"].startswith(reverse("account_login"))


def test_an_empty_or_odd_query_is_handled(client, two_courses):
    trainee = UserFactory()
    enrol(two_courses[0], trainee)
    client.force_login(trainee)
    assert client.get(reverse("courses:search")).status_code == 200
    for query in ["   ", '"unbalanced', "AND OR NOT", "NEAR(", "x" * 500, "%_*", "obstacles*"]:
        assert client.get(reverse("courses:search"), {"q": query}).status_code == 200
    assert two_courses[2].title in _search(client, '"obstacles')


def test_search_runs_a_fixed_number_of_queries_whatever_the_number_of_hits(client):
    course = make_course("Big course")
    trainee = UserFactory()
    enrol(course, trainee)
    client.force_login(trainee)
    _lesson(course, "Homework one", "homework review")

    def count():
        # Wagtail caches the site's root paths; start each measurement from a cold cache.
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("courses:search"), {"q": "homework"}).status_code == 200
        return len(queries)

    few = count()
    for number in range(6):
        _lesson(course, f"Homework {number}", "homework review")
    assert count() == few


def test_result_pages_link_to_each_other_keeping_the_query(client, monkeypatch):
    monkeypatch.setattr("courses.views.search.RESULTS_PER_PAGE", 1)
    course = make_course("Big course")
    trainee = UserFactory()
    enrol(course, trainee)
    client.force_login(trainee)
    for number in range(3):
        _lesson(course, f"Homework {number}", "homework review")

    first, middle, last = (
        client.get(
            reverse("courses:search"), {"q": " homework review ", "page": page}
        ).content.decode()
        for page in (1, 2, 3)
    )

    # The query is kept as typed, trimmed and quoted the way the urlencode filter quotes it.
    assert 'aria-label="Result pages"' in middle and "Page 2 of 3" in middle
    assert 'href="?q=homework%20review&amp;page=1">Previous results</a>' in middle
    assert 'href="?q=homework%20review&amp;page=3">More results</a>' in middle
    assert "Previous results" not in first and 'page=2">More results</a>' in first
    assert 'page=2">Previous results</a>' in last and "More results" not in last
    assert "Result pages" not in _search(client, "nothing matches this")
