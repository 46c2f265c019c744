"""Course pages for tests, published through Wagtail's revisions as an editor would."""

import itertools

from django.conf import settings
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Collection, Locale, Page, Site

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
    return ensure_course_site()


def ensure_course_site() -> CourseIndexPage:
    """The Wagtail tree course pages need, rebuilt if a transactional test's flush removed it.

    Migrations create it; flushing the database after a transactional (browser) test removes
    it again. Serialized rollback cannot restore it reliably here, because Playwright runs the
    tests in another context with its own database connection object.
    """
    index = CourseIndexPage.objects.first()
    if index is not None:
        return index
    Locale.objects.get_or_create(
        language_code=get_supported_content_language_variant(settings.LANGUAGE_CODE)
    )
    if not Collection.objects.exists():
        Collection.add_root(name="Root")
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    index = root.add_child(instance=CourseIndexPage(title="Courses", slug="courses"))
    index.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True, defaults={"hostname": "localhost", "port": 80, "root_page": index}
    )
    return index


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
