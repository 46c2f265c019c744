"""Which courses and lessons a person may read, and search across them (built on the page models)."""

import re
from dataclasses import dataclass

from django.db.models import Q, QuerySet
from wagtail.models import Page

from courses.models import CoursePage, LessonPage, ModulePage
from courses.outline import parent_path
from courses.selectors.access import is_administrator


def courses_visible_to(user) -> QuerySet[CoursePage]:
    """Live courses the person may read: those they are enrolled in, or all for administrators."""
    courses = CoursePage.objects.live().order_by("path")
    if not user.is_authenticated or not user.is_active:
        return courses.none()
    if is_administrator(user):
        return courses
    return courses.filter(enrollments__person=user)


def lessons_readable_by(user) -> QuerySet[LessonPage]:
    """Live lessons of the courses the person may read (homework names one as its reading)."""
    if user is None:
        return LessonPage.objects.none()
    paths = list(courses_visible_to(user).values_list("path", flat=True))
    if not paths:
        return LessonPage.objects.none()
    within = Q()
    for path in paths:
        within |= Q(path__startswith=path)
    return LessonPage.objects.live().filter(within).order_by("path")


_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class LessonHit:
    lesson: LessonPage
    url: str
    course_title: str
    module_title: str


def search_terms(query: str) -> str:
    """The words of a query, without the quotes and operators that search engines parse."""
    return " ".join(_WORDS.findall(query))[:200]


def lessons_matching(user, query: str, *, request=None):
    """Live lessons in courses the person may read that match the query, best first.

    Returns the search results (for a paginator) and a function that describes one hit (with
    its address for this ``request``).
    """
    query = search_terms(query)
    courses = list(courses_visible_to(user).only("id", "title", "path"))
    if not courses or not query:
        return LessonPage.objects.none(), None
    modules = list(
        ModulePage.objects.live()
        .filter(Q.create([("path__startswith", course.path) for course in courses], Q.OR))
        .only("id", "title", "path")
    )
    if not modules:
        return LessonPage.objects.none(), None
    # Filtering on the live modules' paths leaves out both unreadable courses and lessons
    # that sit in an unpublished module.
    in_readable_modules = Q.create([("path__startswith", module.path) for module in modules], Q.OR)
    results = LessonPage.objects.live().filter(in_readable_modules).search(query)
    course_titles = {course.path: course.title for course in courses}
    module_titles = {module.path: module.title for module in modules}

    def describe(lesson: LessonPage) -> LessonHit:
        module_path = parent_path(lesson)
        return LessonHit(
            lesson=lesson,
            url=lesson.get_url(request),
            course_title=course_titles.get(module_path[: -Page.steplen], ""),
            module_title=module_titles.get(module_path, ""),
        )

    return results, describe
