"""A course's outline (its live modules and lessons in reading order) and progress through it.

Plain data, built from pages already loaded: the page tree queries them
(``courses.models.pages.live_modules_and_lessons``), the presenters build the outline, and the
selectors count a person's completed lessons against it.
"""

from dataclasses import dataclass, field
from functools import cached_property

from wagtail.models import Page


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

    course: object
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


def parent_path(page) -> str:
    """The tree path of a page's parent (Wagtail's materialised path, one step shorter)."""
    return page.path[: -Page.steplen]


def outline_from(course, modules, lessons, *, request=None) -> CourseOutline:
    """The outline of live ``modules`` and ``lessons`` (pages below ``course``, in path order)."""
    outline_modules = {
        module.path: OutlineModule(
            id=module.pk, title=module.title, url=module.get_url(request), path=module.path
        )
        for module in modules
    }
    for lesson in lessons:
        # A lesson in an unpublished module cannot be reached, so it is left out of the course.
        module = outline_modules.get(parent_path(lesson))
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
    return CourseOutline(course=course, modules=list(outline_modules.values()))


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
