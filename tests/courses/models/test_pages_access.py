"""Who may read a course: anonymous people sign in, outsiders get an explanation, members read."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from courses.models import Enrollment
from supervision.roles import ADMINISTRATORS_GROUP
from tests.courses.factories import enrol, make_course_with_lessons
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _pages(course, lessons):
    return [course, lessons[0].get_parent(), lessons[0]]


def test_anonymous_people_are_sent_to_sign_in(client, course, lessons):
    for page in [*_pages(course, lessons)]:
        response = client.get(page.url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    assert client.get("/learn/")["Location"].startswith(reverse("account_login"))


def test_a_person_who_is_not_enrolled_is_told_how_to_ask(client, course, lessons, lead, outsider):
    course.how_to_join = "Write to the programme office."
    course.save_revision().publish()
    client.force_login(outsider)
    for page in _pages(course, lessons):
        response = client.get(page.url)
        assert response.status_code == 403
        html = response.content.decode()
        assert "This course is for enrolled people" in html
        assert "Write to the programme office." in html
        assert lead.email in html
        # Nothing of the course's content leaks to the explanation page.
        assert lessons[0].title not in html
        assert "Why it matters" not in html


def test_without_staff_the_explanation_points_to_the_administrator(client, course, outsider):
    client.force_login(outsider)
    response = client.get(course.url)
    assert "Ask your programme administrator" in response.content.decode()


@pytest.mark.parametrize("role", [choice for choice, _ in Enrollment.Role.choices])
def test_every_enrolled_role_reads_every_page(client, course, lessons, role):
    person = UserFactory()
    enrol(course, person, role)
    client.force_login(person)
    for page in _pages(course, lessons):
        response = client.get(page.url)
        assert response.status_code == 200, (role, page)


def test_administrators_read_courses_without_enrolment(client, course, lessons, administrator):
    group_admin = UserFactory()
    group_admin.groups.add(Group.objects.get_or_create(name=ADMINISTRATORS_GROUP)[0])
    for person in (administrator, group_admin):
        client.force_login(person)
        assert client.get(lessons[0].url).status_code == 200


def test_enrolment_in_one_course_does_not_open_another(client, trainee, staff, lessons):
    other_course, other_lessons = make_course_with_lessons(lessons=1)
    for person in (trainee, staff):
        client.force_login(person)
        assert client.get(other_lessons[0].url).status_code == 403


def test_the_course_index_lists_own_courses_and_offers_the_others(client, course, trainee):
    other_course, _ = make_course_with_lessons(lessons=1, title="Advanced formulation")
    client.force_login(trainee)
    html = client.get("/learn/").content.decode()
    yours, others = html.split('id="other-courses"')
    assert course.title in yours and "0 of 3 lessons complete" in yours
    assert other_course.title in others


def test_unpublished_pages_are_not_found(client, course, lessons, trainee):
    lessons[0].unpublish()
    client.force_login(trainee)
    assert client.get(lessons[0].url).status_code == 404
    html = client.get(course.url).content.decode()
    assert "2 lessons" in html


def test_staff_see_their_tools_and_learners_do_not(client, course, staff, trainee):
    people_url = reverse("courses:people", args=[course.pk])
    client.force_login(staff)
    assert people_url in client.get(course.url).content.decode()
    client.force_login(trainee)
    assert people_url not in client.get(course.url).content.decode()


def test_the_navigation_shows_courses_only_to_enrolled_people(client, course, trainee, outsider):
    client.force_login(trainee)
    assert ">Courses</a>" in client.get(reverse("supervision:dashboard")).content.decode()
    client.force_login(outsider)
    assert ">Courses</a>" not in client.get(reverse("supervision:dashboard")).content.decode()
