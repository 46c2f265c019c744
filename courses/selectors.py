"""Reads for the course pages: who may see a course, its outline, progress, supervisees, exercises and search.

Every function here runs a fixed number of queries whatever the size of the course, so pages
built from them stay fast as courses grow (tests/courses/test_performance.py holds them to it).
"""

import re
import uuid
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery
from django.urls import NoReverseMatch, reverse
from django.utils.http import urlencode
from wagtail.models import Page

from courses.blocks import exercise_worksheet_ids
from courses.models import (
    CoursePage,
    Enrollment,
    ExerciseEntry,
    LessonCompletion,
    LessonPage,
    ModulePage,
)
from supervision.models import User
from supervision.roles import ADMINISTRATORS_GROUP, roles_for
from supervision.selectors.relationships import supervisions_as_supervisor
from worksheets.models import Entry, WorksheetTemplate
from worksheets.selectors.templates import templates_startable_by

# --- Access ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CourseAccess:
    """What one person may do in one course, from their enrollment role."""

    role: str = ""
    administrator: bool = False

    @property
    def may_read(self) -> bool:
        return bool(self.role) or self.administrator

    @property
    def may_track_progress(self) -> bool:
        return self.role in Enrollment.LEARNER_ROLES

    @property
    def is_staff(self) -> bool:
        return self.role in Enrollment.STAFF_ROLES

    @property
    def may_manage_people(self) -> bool:
        return self.is_staff or self.administrator

    def may_grant(self, role: str) -> bool:
        """Staff enrol learners and fellow staff; only leads and administrators appoint or remove leads."""
        if self.administrator or self.role == Enrollment.Role.LEAD:
            return True
        return self.is_staff and role != Enrollment.Role.LEAD

    @property
    def role_label(self) -> str:
        if self.role:
            return Enrollment.Role(self.role).label
        return "Programme administrator" if self.administrator else ""


def _administrator_flag():
    return Exists(
        User.groups.through.objects.filter(user_id=OuterRef("pk"), group__name=ADMINISTRATORS_GROUP)
    )


def access_for_user(user, course: CoursePage) -> CourseAccess:
    if not user.is_authenticated or not user.is_active:
        return CourseAccess()
    row = (
        User.objects.filter(pk=user.pk)
        .annotate(
            course_role=Subquery(
                Enrollment.objects.filter(course=course, person=OuterRef("pk")).values("role")[:1]
            ),
            in_admin_group=_administrator_flag(),
        )
        .values("course_role", "in_admin_group")
        .first()
    )
    if row is None:
        return CourseAccess()
    return CourseAccess(
        role=row["course_role"] or "",
        administrator=user.is_superuser or row["in_admin_group"],
    )


def course_access(request, course: CoursePage) -> CourseAccess:
    """The person's access to the course, worked out once per request."""
    cache = request.__dict__.setdefault("_course_access", {})
    if course.pk not in cache:
        cache[course.pk] = access_for_user(request.user, course)
    return cache[course.pk]


def is_administrator(user) -> bool:
    if not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name=ADMINISTRATORS_GROUP).exists()


def courses_visible_to(user) -> QuerySet[CoursePage]:
    """Live courses the person may read: those they are enrolled in, or all for administrators."""
    courses = CoursePage.objects.live().order_by("path")
    if not user.is_authenticated or not user.is_active:
        return courses.none()
    if is_administrator(user):
        return courses
    return courses.filter(enrollments__person=user)


def course_contacts(course: CoursePage) -> list[User]:
    """Whom a person who is not enrolled should ask: the leads, or the staff if there is no lead."""
    staff = list(
        Enrollment.objects.filter(course=course, role__in=Enrollment.STAFF_ROLES)
        .select_related("person")
        .order_by("person__display_name", "person__email")
    )
    leads = [enrollment.person for enrollment in staff if enrollment.role == Enrollment.Role.LEAD]
    return leads or [enrollment.person for enrollment in staff]


def course_staff_members(course: CoursePage) -> list[Enrollment]:
    return list(
        Enrollment.objects.filter(course=course, role__in=Enrollment.STAFF_ROLES)
        .select_related("person")
        .order_by("-role", "person__display_name", "person__email")
    )


def course_members(course: CoursePage) -> QuerySet[Enrollment]:
    return Enrollment.objects.filter(course=course).select_related("person", "enrolled_by")


# --- Outline -----------------------------------------------------------------------------


@dataclass
class OutlineLesson:
    id: int
    title: str
    url: str
    estimated_minutes: int
    module_id: int


@dataclass
class OutlineModule:
    id: int
    title: str
    url: str
    path: str
    lessons: list[OutlineLesson] = field(default_factory=list)

    @property
    def total_minutes(self) -> int:
        return sum(lesson.estimated_minutes for lesson in self.lessons)


@dataclass
class CourseOutline:
    """A course's live modules and lessons in reading order, from two queries."""

    course: CoursePage
    modules: list[OutlineModule]

    @cached_property
    def lessons(self) -> list[OutlineLesson]:
        return [lesson for module in self.modules for lesson in module.lessons]

    @cached_property
    def lesson_ids(self) -> list[int]:
        return [lesson.id for lesson in self.lessons]

    @cached_property
    def _modules_by_id(self) -> dict[int, OutlineModule]:
        return {module.id: module for module in self.modules}

    @cached_property
    def _lesson_positions(self) -> dict[int, int]:
        return {lesson.id: position for position, lesson in enumerate(self.lessons)}

    @property
    def total_minutes(self) -> int:
        return sum(module.total_minutes for module in self.modules)

    def module(self, module_id: int | None) -> OutlineModule | None:
        return self._modules_by_id.get(module_id)

    def module_of(self, lesson_id: int | None) -> OutlineModule | None:
        position = self._lesson_positions.get(lesson_id)
        if position is None:
            return None
        return self._modules_by_id[self.lessons[position].module_id]

    def neighbours(self, lesson_id: int | None):
        """The lessons before and after this one in the whole course (across module boundaries)."""
        position = self._lesson_positions.get(lesson_id)
        if position is None:
            return None, None
        previous = self.lessons[position - 1] if position > 0 else None
        following = self.lessons[position + 1] if position + 1 < len(self.lessons) else None
        return previous, following


def breadcrumbs_to(page: Page, *, request=None) -> list[tuple[str, str]]:
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


def _live_modules_and_lessons(root: Page):
    """Live modules and the live lessons inside them, below a course or the course index."""
    modules = list(
        ModulePage.objects.live()
        .descendant_of(root)
        .order_by("path")
        .only("id", "title", "path", "depth", "url_path")
    )
    lessons = list(
        LessonPage.objects.live()
        .descendant_of(root)
        .order_by("path")
        .only("id", "title", "path", "depth", "url_path", "estimated_minutes")
    )
    return modules, lessons


def _parent_path(page: Page) -> str:
    return page.path[: -Page.steplen]


def course_outline(course: CoursePage, *, request=None) -> CourseOutline:
    cache = request.__dict__.setdefault("_course_outlines", {}) if request else {}
    if course.pk in cache:
        return cache[course.pk]
    modules, lessons = _live_modules_and_lessons(course)
    outline_modules = {
        module.path: OutlineModule(
            id=module.pk, title=module.title, url=module.get_url(request), path=module.path
        )
        for module in modules
    }
    for lesson in lessons:
        # A lesson in an unpublished module cannot be reached, so it is left out of the course.
        module = outline_modules.get(_parent_path(lesson))
        if module is not None:
            module.lessons.append(
                OutlineLesson(
                    id=lesson.pk,
                    title=lesson.title,
                    url=lesson.get_url(request),
                    estimated_minutes=lesson.estimated_minutes,
                    module_id=module.id,
                )
            )
    outline = CourseOutline(course=course, modules=list(outline_modules.values()))
    cache[course.pk] = outline
    return outline


# --- Progress ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(self.done * 100 / self.total) if self.total else 0

    @property
    def finished(self) -> bool:
        return self.total > 0 and self.done == self.total


@dataclass(frozen=True)
class CourseProgress:
    completed_ids: frozenset[int]
    overall: Progress
    by_module: dict[int, Progress]

    def for_module(self, module_id: int) -> Progress:
        return self.by_module.get(module_id, Progress(0, 0))


def progress_from(outline: CourseOutline, completed_ids) -> CourseProgress:
    completed = frozenset(completed_ids) & frozenset(outline.lesson_ids)
    by_module = {
        module.id: Progress(
            done=sum(1 for lesson in module.lessons if lesson.id in completed),
            total=len(module.lessons),
        )
        for module in outline.modules
    }
    return CourseProgress(
        completed_ids=completed,
        overall=Progress(done=len(completed), total=len(outline.lesson_ids)),
        by_module=by_module,
    )


def course_progress(outline: CourseOutline, person) -> CourseProgress:
    completed = LessonCompletion.objects.filter(
        person=person, lesson__path__startswith=outline.course.path
    ).values_list("lesson_id", flat=True)
    return progress_from(outline, completed)


@dataclass(frozen=True)
class SuperviseeProgress:
    supervisee: User
    role_label: str
    progress: CourseProgress


def supervisee_progress(user, course: CoursePage, outline: CourseOutline):
    """The course progress of the person's own active supervisees who learn in this course."""
    supervisee_ids = supervisions_as_supervisor(user).values("supervisee_id")
    enrollments = list(
        Enrollment.objects.filter(
            course=course,
            role__in=Enrollment.LEARNER_ROLES,
            person_id__in=supervisee_ids,
        )
        .select_related("person")
        .order_by("person__display_name", "person__email")
    )
    completed: dict[int, set[int]] = {enrollment.person_id: set() for enrollment in enrollments}
    rows = LessonCompletion.objects.filter(
        person_id__in=list(completed), lesson__path__startswith=course.path
    ).values_list("person_id", "lesson_id")
    for person_id, lesson_id in rows:
        completed[person_id].add(lesson_id)
    return [
        SuperviseeProgress(
            supervisee=enrollment.person,
            role_label=enrollment.get_role_display(),
            progress=progress_from(outline, completed[enrollment.person_id]),
        )
        for enrollment in enrollments
    ]


def has_supervisees_in(user, course: CoursePage) -> bool:
    return Enrollment.objects.filter(
        course=course,
        role__in=Enrollment.LEARNER_ROLES,
        person_id__in=supervisions_as_supervisor(user).values("supervisee_id"),
    ).exists()


# --- Exercises ---------------------------------------------------------------------------


@dataclass(frozen=True)
class LessonExercises:
    """One person's view of every exercise in one lesson, from two queries."""

    startable_ids: frozenset[int] = frozenset()
    # The person's newest draft and newest submitted entry per worksheet template, started
    # from this lesson; a deleted template's entries are kept under None.
    drafts: dict = field(default_factory=dict)
    submitted: dict = field(default_factory=dict)


def lesson_exercises(request, lesson: LessonPage) -> LessonExercises:
    """Worked out once per request, however many exercise blocks the lesson has."""
    cache = request.__dict__.setdefault("_lesson_exercises", {})
    key = lesson.pk or id(lesson)
    if key in cache:
        return cache[key]
    user = request.user
    worksheet_ids = exercise_worksheet_ids(lesson.body.raw_data)
    startable = frozenset()
    if worksheet_ids:
        startable = frozenset(
            templates_startable_by(user).filter(pk__in=worksheet_ids).values_list("pk", flat=True)
        )
    drafts: dict = {}
    submitted: dict = {}
    if lesson.pk is not None:
        links = (
            ExerciseEntry.objects.filter(lesson_id=lesson.pk, entry__author=user)
            .select_related("entry__template_version")
            .order_by("-entry__updated_at", "-entry_id")
        )
        for link in links:
            entry = link.entry
            template_id = entry.template_version.template_id if entry.template_version_id else None
            found = drafts if entry.is_editable else submitted
            found.setdefault(template_id, entry)
    exercises = LessonExercises(startable_ids=startable, drafts=drafts, submitted=submitted)
    cache[key] = exercises
    return exercises


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

    worksheet: WorksheetTemplate | None
    available: bool = False
    start_url: str = ""
    # A fresh token per page view (pressing "Start" twice starts one entry); also the block's id.
    start_token: uuid.UUID = field(default_factory=uuid.uuid4)
    draft: Entry | None = None
    submitted: Entry | None = None
    # The worksheet was deleted, but the person's entries from this lesson are still theirs.
    kept_entries: bool = False
    completes_lesson: bool = False
    assign_url: str = ""


def exercise_for_viewer(
    *, request, lesson, worksheet: WorksheetTemplate | None, access=None, roles=None
) -> ExerciseForViewer:
    user = getattr(request, "user", None)
    if not isinstance(lesson, LessonPage) or user is None or not user.is_authenticated:
        return ExerciseForViewer(worksheet=worksheet, available=bool(worksheet and worksheet.live))
    exercises = lesson_exercises(request, lesson)
    if worksheet is None:
        return ExerciseForViewer(worksheet=None, kept_entries=_has_kept_entries(exercises))
    available = worksheet.pk in exercises.startable_ids
    # Entries are started only from the published lesson, never from an editor's preview.
    published_here = (
        lesson.pk is not None and lesson.live and not getattr(request, "is_preview", False)
    )
    start_url = ""
    if available and published_here:
        start_url = reverse("courses:exercise_start", args=[lesson.pk, worksheet.pk])
    if roles is None:
        roles = roles_for(user)
    assign_url = ""
    if available and lesson.pk is not None and roles.supervisor:
        assign_url = homework_assignment_url(worksheet_id=worksheet.pk, lesson_id=lesson.pk)
    return ExerciseForViewer(
        worksheet=worksheet,
        available=available,
        start_url=start_url,
        draft=exercises.drafts.get(worksheet.pk),
        submitted=exercises.submitted.get(worksheet.pk),
        completes_lesson=bool(access and access.may_track_progress),
        assign_url=assign_url,
    )


def _has_kept_entries(exercises: LessonExercises) -> bool:
    return None in exercises.drafts or None in exercises.submitted


def lesson_has_exercise(lesson: LessonPage, worksheet_id: int) -> bool:
    """Whether the published lesson embeds this worksheet (entries are started only from there)."""
    return worksheet_id in exercise_worksheet_ids(lesson.body.raw_data)


# --- The course index --------------------------------------------------------------------


@dataclass(frozen=True)
class CourseCard:
    course: CoursePage
    url: str
    access: CourseAccess
    lesson_count: int
    progress: Progress | None


def course_cards_for(request, *, index: Page):
    """The person's courses (with their progress) and the other courses they could ask to join."""
    user = request.user
    administrator = is_administrator(user)
    courses = list(
        CoursePage.objects.live()
        .child_of(index)
        .order_by("path")
        .annotate(
            my_role=Subquery(
                Enrollment.objects.filter(course=OuterRef("pk"), person=user).values("role")[:1]
            )
        )
    )
    modules, lessons = _live_modules_and_lessons(index)
    live_module_paths = {module.path for module in modules}
    lessons = [lesson for lesson in lessons if _parent_path(lesson) in live_module_paths]
    completed = set(
        LessonCompletion.objects.filter(person=user).values_list("lesson_id", flat=True)
    )
    yours, others = [], []
    for course in courses:
        access = CourseAccess(role=course.my_role or "", administrator=administrator)
        request.__dict__.setdefault("_course_access", {})[course.pk] = access
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


def has_course_enrollments(user) -> bool:
    return user.is_authenticated and Enrollment.objects.filter(person=user).exists()


# --- Search ------------------------------------------------------------------------------

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


def lessons_matching(request, query: str):
    """Live lessons in courses the person may read that match the query, best first.

    Returns the search results (for a paginator) and a function that describes one hit.
    """
    query = search_terms(query)
    courses = list(courses_visible_to(request.user).only("id", "title", "path"))
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
        module_path = _parent_path(lesson)
        return LessonHit(
            lesson=lesson,
            url=lesson.get_url(request),
            course_title=course_titles.get(module_path[: -Page.steplen], ""),
            module_title=module_titles.get(module_path, ""),
        )

    return results, describe
