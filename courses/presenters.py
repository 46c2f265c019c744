"""What the course pages show one person: access, outline, progress cards, breadcrumbs, exercises.

Presenters take the request (for URLs, previews and the per-request viewer) and build on
``courses.selectors.access``; the page models call them from ``get_context``. They sit below the
page models, so they never import a page class: the page tree hands them the pages it loaded.
"""

import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from wagtail.models import Site

from courses import published_tree
from courses.blocks import exercise_worksheet_ids
from courses.outline import CourseOutline, Progress, outline_from, parent_path
from courses.selectors.access import (
    CourseAccess,
    access_for_user,
    completed_lesson_ids,
    exercise_entries,
    is_administrator,
)
from supervision.viewer import viewer_for
from worksheets.selectors.templates import startable_template_ids

# --- Access and outline ------------------------------------------------------------------


def course_access(request, course) -> CourseAccess:
    """The person's access to the course, worked out once per request."""
    return viewer_for(request).remember(
        ("course_access", course.pk), lambda: access_for_user(request.user, course)
    )


def course_outline(course, *, request=None) -> CourseOutline:
    """The course's live modules and lessons, once per request, from the published tree's cache.

    Titles and addresses depend only on the live pages and on the site the addresses are
    relative to (the request's), so the built outline is cached under both for the tree's
    generation (``courses.published_tree``); nothing of the person is in it.
    """

    def read() -> list:
        modules, lessons = course.live_modules_and_lessons()
        return outline_from(course, modules, lessons, request=request).modules

    def build():
        site = Site.find_for_request(request)
        name = f"outline:site-{site.pk if site is not None else 'none'}"
        modules = published_tree.remembered(name, course.pk, read, request=request)
        return CourseOutline(course=course, modules=modules)

    if request is None:
        return build()
    return viewer_for(request).remember(("course_outline", course.pk), build)


def breadcrumbs_to(page, *, request=None) -> list[tuple[str, str]]:
    """Titles and addresses from the course index down to the page's parent.

    The parents come from Wagtail's routing, which has already loaded them, so this usually
    costs no query.
    """
    crumbs = []
    ancestor = page.get_parent() if page.depth > 2 else None
    while ancestor is not None and ancestor.depth >= 2:
        crumbs.append((ancestor.title, ancestor.get_url(request)))
        ancestor = ancestor.get_parent() if ancestor.depth > 2 else None
    crumbs.reverse()
    return crumbs


# --- The course index --------------------------------------------------------------------


@dataclass(frozen=True)
class CourseCard:
    course: object
    url: str
    access: CourseAccess
    lesson_count: int
    progress: Progress | None


def course_cards(request, courses, modules, lessons) -> tuple[list[CourseCard], list[CourseCard]]:
    """The person's courses (with their progress) and the others they could ask to join.

    ``courses`` are the live courses annotated with ``my_role``; ``modules`` and ``lessons`` the
    live ones below the course index (``CourseIndexPage`` loads all three).
    """
    administrator = is_administrator(request.user)
    live_module_paths = {module.path for module in modules}
    lessons = [lesson for lesson in lessons if parent_path(lesson) in live_module_paths]
    completed = completed_lesson_ids(request.user)
    viewer = viewer_for(request)
    yours, others = [], []
    for course in courses:
        access = CourseAccess(role=course.my_role or "", administrator=administrator)
        viewer.remember(("course_access", course.pk), lambda access=access: access)
        in_course = [lesson.pk for lesson in lessons if lesson.path.startswith(course.path)]
        progress = None
        if access.may_track_progress:
            progress = Progress(
                done=sum(1 for pk in in_course if pk in completed), total=len(in_course)
            )
        card = CourseCard(
            course=course,
            url=course.get_url(request),
            access=access,
            lesson_count=len(in_course),
            progress=progress,
        )
        (yours if access.may_read else others).append(card)
    return yours, others


# --- Exercises ---------------------------------------------------------------------------


def homework_assignment_url(*, worksheet_id: int, lesson_id: int) -> str:
    """The homework app's form, pre-filled with the worksheet and the lesson as reading.

    The homework app is optional: while it is not installed the name does not resolve and
    supervisors simply see no link.
    """
    try:
        url = reverse("homework:assign_from_lesson")
    except NoReverseMatch:
        return ""
    return f"{url}?{urlencode({'worksheet': worksheet_id, 'lesson': lesson_id})}"


@dataclass(frozen=True)
class ExerciseForViewer:
    """What one person sees in one exercise block."""

    worksheet: object
    available: bool = False
    start_url: str = ""
    # The block's id on the page (its heading labels it).
    block_id: uuid.UUID = field(default_factory=uuid.uuid4)
    draft: object = None
    submitted: object = None
    # The worksheet was deleted, but the person's entries from this lesson are still theirs.
    kept_entries: bool = False
    completes_lesson: bool = False
    assign_url: str = ""


class LessonExercises:
    """One person's view of every exercise in one lesson, from two queries, made on first use.

    The lesson page puts it in its context as ``lesson_exercises``; each exercise block asks it
    for its own worksheet (``for_block``), so the blocks never query.
    """

    def __init__(self, request, lesson, access: CourseAccess):
        self.request, self.lesson, self.access = request, lesson, access

    @cached_property
    def startable_ids(self) -> frozenset[int]:
        worksheet_ids = exercise_worksheet_ids(self.lesson.body.raw_data)
        if not worksheet_ids:
            return frozenset()
        return startable_template_ids(self.request.user, worksheet_ids)

    @cached_property
    def entries(self) -> tuple[dict, dict]:
        """The newest draft and newest submitted entry per worksheet template, started here.

        A deleted template's entries are kept under None.
        """
        drafts: dict = {}
        submitted: dict = {}
        if self.lesson.pk is not None:
            for link in exercise_entries(self.request.user, self.lesson.pk):
                entry = link.entry
                template_id = (
                    entry.template_version.template_id if entry.template_version_id else None
                )
                found = drafts if entry.is_editable else submitted
                found.setdefault(template_id, entry)
        return drafts, submitted

    def for_block(self, worksheet) -> ExerciseForViewer:
        drafts, submitted = self.entries
        if worksheet is None:
            return ExerciseForViewer(
                worksheet=None, kept_entries=None in drafts or None in submitted
            )
        lesson, request = self.lesson, self.request
        available = worksheet.pk in self.startable_ids
        # Entries are started only from the published lesson, never from an editor's preview.
        published_here = (
            lesson.pk is not None and lesson.live and not getattr(request, "is_preview", False)
        )
        start_url = ""
        if available and published_here:
            start_url = reverse("courses:exercise_start", args=[lesson.pk, worksheet.pk])
        assign_url = ""
        if available and lesson.pk is not None and viewer_for(request).roles.supervisor:
            assign_url = homework_assignment_url(worksheet_id=worksheet.pk, lesson_id=lesson.pk)
        return ExerciseForViewer(
            worksheet=worksheet,
            available=available,
            start_url=start_url,
            draft=drafts.get(worksheet.pk),
            submitted=submitted.get(worksheet.pk),
            completes_lesson=self.access.may_track_progress,
            assign_url=assign_url,
        )


def lesson_has_exercise(lesson, worksheet_id: int) -> bool:
    """Whether the published lesson embeds this worksheet (entries are started only from there)."""
    return worksheet_id in exercise_worksheet_ids(lesson.body.raw_data)
