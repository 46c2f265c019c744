"""The live course tree is read once and cached until any page changes (issue 11)."""

import pytest
from wagtail.models import PageViewRestriction, Site

from courses.models import LessonPage
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


def test_a_lesson_page_shows_every_change_to_the_course_at_once(client, course, lessons, trainee):
    """The lesson page's route and outline come from the cache, yet never go stale."""
    client.force_login(trainee)
    shown, other = lessons[0], lessons[1]
    url = shown.url
    assert other.title in client.get(url).content.decode()  # route and outline now cached

    other.title = "Obstacles, renamed"
    other.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Obstacles, renamed" in html

    shown.title = "This lesson, renamed"
    shown.save_revision().publish()
    response = client.get(url)
    assert response.context["page"].title == "This lesson, renamed"
    assert (
        "<h1" in response.content.decode() and "This lesson, renamed" in response.content.decode()
    )

    other.unpublish()
    assert "Obstacles, renamed" not in client.get(url).content.decode()

    shown.slug = "moved-elsewhere"
    shown.save_revision().publish()
    assert client.get(url).status_code == 404
    assert client.get(LessonPage.objects.get(pk=shown.pk).url).status_code == 200

    shown.refresh_from_db()
    shown.unpublish()
    assert client.get(shown.url).status_code == 404


def test_a_view_restriction_added_after_the_route_was_cached_applies_at_once(
    client, course, lessons, trainee
):
    client.force_login(trainee)
    url = lessons[0].url
    assert client.get(url).status_code == 200
    restriction = PageViewRestriction.objects.create(
        page=course, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="password"' in html and lessons[1].title not in html
    restriction.delete()
    assert lessons[1].title in client.get(url).content.decode()


def test_the_outline_addresses_are_cached_for_each_site(client, course, lessons, trainee):
    client.force_login(trainee)
    url, linked, course_url = lessons[0].url, lessons[1].url, course.url
    assert client.get(url).context["outline"].lessons[1].url == linked
    # Until it has a site of its own, another host is served by the default site (then cached).
    assert client.get(url, HTTP_HOST="elsewhere.example").status_code == 200
    Site.objects.create(hostname="elsewhere.example", port=80, root_page=course)
    # The course is also another site's home: there its lessons are found (and linked) below it.
    there = url.replace(course_url, "/learn/")
    response = client.get(there, HTTP_HOST="elsewhere.example")
    assert response.status_code == 200
    assert response.context["outline"].lessons[1].url == linked.replace(course_url, "/learn/")
    assert client.get(url).context["outline"].lessons[1].url == linked


def test_the_course_index_shows_its_new_introduction_at_once(client, course, trainee):
    """The site and its root page, the course index, are read from the cache."""
    client.force_login(trainee)
    assert client.get("/learn/").status_code == 200
    index = course.get_parent().specific
    index.intro = "<p>Welcome to the new term.</p>"
    index.save_revision().publish()
    assert "Welcome to the new term." in client.get("/learn/").content.decode()
