"""Who may do what with every URL of the courses app (run by tests/authorization.py).

The course pages themselves are served by Wagtail through our page view (courses.views.pages);
who reads them is tested in tests/courses/models/test_pages_access.py, and here with the course's
own URLs. The people: a trainee and a supervisor learning in the course (the supervisor
supervises the trainee), course staff and the course lead, someone not enrolled, and an
administrator, who reads every course and manages its people without being enrolled.
"""

import uuid

from courses.models import Enrollment
from tests.authorization import (
    POST_ONLY,
    Matrix,
    Url,
    double_submit_test,
    module_world,
    only,
    url_test,
)
from tests.courses.factories import enrol, make_course_with_lessons, make_lesson
from tests.courses.views.test_learning_exercises import exercise, library_worksheet
from tests.factories import UserFactory, make_supervision

KINDS = ("anonymous", "trainee", "supervisor", "staff", "lead", "outsider", "administrator")
LEARNERS = ("trainee", "supervisor")
READERS = ("trainee", "supervisor", "staff", "lead", "administrator")
MANAGERS = ("staff", "lead", "administrator")


def build_world() -> dict:
    course, lessons = make_course_with_lessons(lessons=2, title="Homework basics")
    worksheet = library_worksheet()
    lesson = make_lesson(lessons[0].get_parent(), "Trying it yourself", body=[exercise(worksheet)])
    users = {kind: UserFactory(display_name=kind.title()) for kind in KINDS[1:]}
    users["administrator"].is_superuser = users["administrator"].is_staff = True
    users["administrator"].save()
    enrol(course, users["trainee"], Enrollment.Role.TRAINEE)
    enrol(course, users["supervisor"], Enrollment.Role.SUPERVISOR)
    enrol(course, users["staff"], Enrollment.Role.STAFF)
    enrol(course, users["lead"], Enrollment.Role.LEAD)
    make_supervision(users["supervisor"], users["trainee"])
    someone = UserFactory(display_name="Someone New", email="someone.new@example.org")
    learner = Enrollment.objects.get(course=course, person=users["trainee"])
    lead = Enrollment.objects.get(course=course, person=users["lead"])
    return {
        "users": users,
        "objects": {"course": course, "lesson": lesson, "learner": learner, "lead": lead},
        "worksheet": worksheet,
        "someone": someone,
    }


def course_kwargs(world, target):
    return {"course_id": world["objects"]["course"].pk}


def enrollment_kwargs(world, target):
    return {**course_kwargs(world, target), "enrollment_id": world["objects"][target].pk}


URLS = [
    Url("courses:search", get={"*": 200}, post={"*": 200}),
    Url(
        "courses:lesson_progress",
        "lesson",
        kwargs=lambda world, target: {"lesson_id": world["objects"][target].pk},
        get=POST_ONLY,
        post={**only(LEARNERS, 302), "*": 404},
        data=lambda world, target: {"action": "complete"},
    ),
    Url(
        "courses:exercise_start",
        "lesson",
        kwargs=lambda world, target: {
            "lesson_id": world["objects"][target].pk,
            "worksheet_id": world["worksheet"].pk,
        },
        get=POST_ONLY,
        post={**only(READERS, 302), "*": 404},
        data=lambda world, target: {"submission_key": str(uuid.uuid4())},
    ),
    Url(
        "courses:supervisees",
        "course",
        kwargs=course_kwargs,
        get={**only(READERS, 200), "*": 404},
        post={**only(READERS, 200), "*": 404},
    ),
    Url(
        "courses:people",
        "course",
        kwargs=course_kwargs,
        get={**only(MANAGERS, 200), "*": 404},
        post={**only(MANAGERS, 302), "*": 404},
        data=lambda world, target: {"email": "someone.new@example.org", "role": "trainee"},
    ),
    Url(
        "courses:people_list",
        "course",
        kwargs=course_kwargs,
        get={**only(MANAGERS, 200), "*": 404},
        post={**only(MANAGERS, 200), "*": 404},
        data=lambda world, target: {"addresses": "someone.new@example.org", "role": "trainee"},
    ),
    Url(
        "courses:people_list_confirm",
        "course",
        kwargs=course_kwargs,
        get=POST_ONLY,
        post={**only(MANAGERS, 302), "*": 404},
        data=lambda world, target: {"emails": "someone.new@example.org", "role": "trainee"},
    ),
    Url(
        "courses:enrollment_remove",
        "learner",
        kwargs=enrollment_kwargs,
        get={**only(MANAGERS, 200), "*": 404},
        post={**only(MANAGERS, 302), "*": 404},
    ),
    # The course pages themselves: Wagtail's page view, answered by courses.views.pages (issue
    # 11). Someone not enrolled is told how to ask (tests/courses/models/test_pages_access.py).
    *(
        Url(
            "wagtail_serve",
            target,
            path=lambda world, target: world["objects"][target].url,
            get={**only(READERS, 200), "outsider": 403},
            post={**only(READERS, 200), "outsider": 403},
        )
        for target in ("course", "lesson")
    ),
    # Only a course lead or an administrator removes a lead.
    Url(
        "courses:enrollment_remove",
        "lead",
        kwargs=enrollment_kwargs,
        get={"lead": 200, "administrator": 200, "*": 404},
        post={"lead": 302, "administrator": 302, "*": 404},
    ),
]


def snapshot():
    return tuple(Enrollment.objects.order_by("pk").values_list("pk", "person_id", "role"))


MATRIX = Matrix(urls=URLS, kinds=KINDS, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)

# The create forms (supervision.idempotency): sent twice with one key, they create once.
CREATES = ("courses:exercise_start", "courses:people", "courses:people_list_confirm")
test_create_once = double_submit_test(MATRIX, CREATES)
