"""People in each role of one course, and the course itself."""

import pytest

from courses.models import Enrollment
from tests.courses.factories import enrol, make_course_with_lessons
from tests.factories import UserFactory, make_supervision


@pytest.fixture
def course_and_lessons(db):
    return make_course_with_lessons(lessons=3, modules=2, title="Homework basics")


@pytest.fixture
def course(course_and_lessons):
    return course_and_lessons[0]


@pytest.fixture
def lessons(course_and_lessons):
    return course_and_lessons[1]


@pytest.fixture
def trainee(course):
    person = UserFactory(display_name="Tara Trainee")
    enrol(course, person, Enrollment.Role.TRAINEE)
    return person


@pytest.fixture
def course_supervisor(course, trainee):
    """Enrolled as a supervisor, and the trainee's supervisor."""
    person = UserFactory(display_name="Sol Supervisor")
    enrol(course, person, Enrollment.Role.SUPERVISOR)
    make_supervision(person, trainee)
    return person


@pytest.fixture
def staff(course):
    person = UserFactory(display_name="Stan Staff")
    enrol(course, person, Enrollment.Role.STAFF)
    return person


@pytest.fixture
def lead(course):
    person = UserFactory(display_name="Lea Lead")
    enrol(course, person, Enrollment.Role.LEAD)
    return person


@pytest.fixture
def outsider(db):
    return UserFactory(display_name="Otto Outsider")
