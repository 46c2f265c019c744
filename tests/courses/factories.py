"""Course pages for tests, published through Wagtail's revisions as an editor would."""

import itertools

from wagtail.models import Page

from courses.models import (
    CourseIndexPage,
    CourseLearningOutcome,
    CoursePage,
    Enrollment,
    LessonPage,
    ModulePage,
)
from courses.services.enrollment import enrollment_enrol

_numbers = itertools.count(1)


def _publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def course_index() -> CourseIndexPage:
    return CourseIndexPage.objects.get()


def make_course(title: str | None = None, **fields) -> CoursePage:
    number = next(_numbers)
    course = CoursePage(
        title=title or f"Course {number}",
        slug=f"course-{number}",
        overview="<p>An overview of the course.</p>",
        audience="<p>Trainee CBT therapists.</p>",
        **fields,
    )
    course.learning_outcomes = [CourseLearningOutcome(text="Agree a specific homework task.")]
    return _publish(course_index(), course)


def make_module(course: CoursePage, title: str | None = None) -> ModulePage:
    number = next(_numbers)
    module = ModulePage(
        title=title or f"Module {number}",
        slug=f"module-{number}",
        introduction="<p>What this module covers.</p>",
    )
    return _publish(course, module)


def make_lesson(module: ModulePage, title: str | None = None, body=None, **fields) -> LessonPage:
    number = next(_numbers)
    lesson = LessonPage(
        title=title or f"Lesson {number}",
        slug=f"lesson-{number}",
        estimated_minutes=fields.pop("estimated_minutes", 15),
        summary=fields.pop("summary", "A lesson about homework."),
        body=body
        if body is not None
        else [
            ("heading", {"text": "Why it matters", "level": "h2"}),
            ("text", "<p>Homework carries the work of a session into the week.</p>"),
        ],
        **fields,
    )
    return _publish(module, lesson)


def make_course_with_lessons(lessons: int = 3, modules: int = 1, title: str | None = None):
    """A published course with the lessons spread over its modules; returns (course, lessons)."""
    course = make_course(title)
    made_modules = [make_module(course) for _ in range(modules)]
    made = [make_lesson(made_modules[i % modules]) for i in range(lessons)]
    made.sort(key=lambda lesson: lesson.path)
    return course, made


def enrol(course: CoursePage, person, role: str = Enrollment.Role.TRAINEE) -> Enrollment:
    return enrollment_enrol(course=course, person=person, role=role, enrolled_by=None)
