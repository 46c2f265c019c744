"""Assigning a lesson's exercise as homework: choose the supervisee, then a prefilled form."""

import pytest
from django.urls import reverse

from courses.models import Enrollment
from homework.models import Assignment
from tests.courses.factories import enrol, make_course_with_lessons
from tests.factories import UserFactory, make_supervision
from tests.homework.views.test_assignments import form_data
from worksheets.library import blocks as b
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(supervisor, supervisee):
    course, lessons = make_course_with_lessons(lessons=2, modules=1, title="Homework basics")
    enrol(course, supervisor, Enrollment.Role.SUPERVISOR)
    supervision = make_supervision(supervisor, supervisee)
    template = worksheet_template_create(
        title="Urge log", body=[b.short("What did I want to do?", max_length=200)], publish=True
    )
    return supervision, lessons[0], template


def url(template, lesson):
    return f"{reverse('homework:assign_from_lesson')}?worksheet={template.pk}&lesson={lesson.pk}"


def test_supervisor_picks_a_supervisee_and_gets_the_form_prefilled(client, supervisor, setting):
    supervision, lesson, template = setting
    client.force_login(supervisor)
    response = client.get(url(template, lesson))
    assert response.status_code == 200
    [(choice, link)] = response.context["choices"]
    assert choice == supervision
    form = client.get(link).context["form"]
    version = template.versions.get()
    assert str(form["worksheet_version"].value()) == str(version.pk)
    assert str(form["reading_lesson"].value()) == str(lesson.pk)

    data = form_data(worksheet_version=version.pk, reading_lesson=lesson.pk)
    assert client.post(link, data).status_code == 302
    assignment = Assignment.objects.get()
    assert (assignment.worksheet_version, assignment.reading_lesson) == (version, lesson.specific)
    detail = client.get(reverse("homework:assignment_detail", args=[assignment.pk]))
    assert lesson.title in detail.content.decode()


def test_a_lesson_the_person_cannot_read_is_not_found(client, setting):
    _, lesson, template = setting
    stranger = UserFactory()
    make_supervision(stranger)
    client.force_login(stranger)
    assert client.get(url(template, lesson)).status_code == 404


def test_a_lesson_outside_ones_courses_cannot_be_forged_into_the_form(client, supervisor, setting):
    supervision, _, template = setting
    _, other_lessons = make_course_with_lessons(lessons=1, modules=1, title="Not yours")
    client.force_login(supervisor)
    create = reverse("homework:assignment_create", args=[supervision.pk])
    response = client.post(create, form_data(reading_lesson=other_lessons[0].pk))
    assert response.status_code == 200
    assert response.context["form"].errors["reading_lesson"]
    assert not Assignment.objects.exists()
