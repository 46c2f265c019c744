"""The course page tree: one course index, courses under it, modules in a course, lessons in a module.

The pages query their own tree (``live_modules_and_lessons``) and build what they show with
``courses.presenters`` and ``courses.selectors.access``, which sit below them and never import a
page class (docs/architecture.md).
"""

import hashlib

from django.contrib.auth.views import redirect_to_login
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.template.response import TemplateResponse
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from courses import published_tree
from courses.blocks import RICH_TEXT_FEATURES, LessonBodyBlock
from courses.presenters import (
    LessonExercises,
    breadcrumbs_to,
    course_access,
    course_cards,
    course_outline,
)
from courses.rendering import render_lesson_body
from courses.selectors.access import (
    course_contacts,
    course_progress,
    course_staff_members,
    enrollment_roles,
    has_supervisees_in,
)


def live_modules_and_lessons(root: Page):
    """Live modules and the live lessons inside them, below a course or the course index.

    Read from the cache of the published tree until a page changes (``courses.published_tree``).
    """

    def read():
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

    return published_tree.remembered("modules-and-lessons", root.pk, read)


class CourseIndexPage(Page):
    """The root of the course site (served at /learn/): the courses a person may open."""

    intro = RichTextField(blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CoursePage"]
    max_count = 1

    class Meta:
        verbose_name = "course index"

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def route(self, request, path_components):
        """The page at this path below the index, with its ancestors, from the published tree's cache.

        Wagtail's own ``Page.route`` asks for each level's child in turn (two queries per
        level: the child, then its specific page), so a lesson took six before it was shown.
        Here the chain of pages is read once per generation of the published tree
        (``courses.published_tree``: any page saved, published, moved or deleted, or a view
        restriction changed, starts a new one) and each request unpickles its own copy. The
        answer is the same: Http404 when a level has no page or the page is not live, as
        Wagtail's route raises.
        """
        if not path_components:
            return super().route(request, path_components)
        # Hashed: the path is the visitor's, and cache keys have a length and a character set.
        path_hash = hashlib.sha256("/".join(path_components).encode()).hexdigest()
        chain, restricted = published_tree.remembered(
            f"route:{path_hash}",
            self.pk,
            lambda: self._read_chain(path_components),
            request=request,
        )
        parent = self
        for page in chain:
            # As Wagtail's route leaves them, so the page's get_parent() asks nothing more.
            page._cached_parent_obj = parent
            parent = page
        page = chain[-1]
        if not restricted:
            page.unrestricted_in_published_tree = True
        return page.route(request, [])

    def _read_chain(self, path_components) -> tuple[list[Page], bool]:
        """The page at this path and its ancestors below the index (two queries), and whether
        Wagtail must check view restrictions on it.

        Found by ``url_path``, which Wagtail keeps as the slugs of the page's ancestors (and
        updates on every move and slug change). ``restricted`` is False only when no page on
        the way from the tree's root has a view restriction and none is an alias (an alias
        takes its source's restrictions, which Wagtail's own check follows).
        """
        url_paths = [
            f"{self.url_path}{'/'.join(path_components[:depth])}/"
            for depth in range(1, len(path_components) + 1)
        ]
        chain = list(
            Page.objects.descendant_of(self)
            .filter(url_path__in=url_paths)
            .order_by("depth")
            .specific()
        )
        if len(chain) != len(url_paths):
            raise Http404
        page = chain[-1]
        ancestry = [
            page.path[:end] for end in range(Page.steplen, len(page.path) + 1, Page.steplen)
        ]
        restricted = (
            PageViewRestriction.objects.filter(page__path__in=ancestry).exists()
            or Page.objects.filter(path__in=ancestry, alias_of__isnull=False).exists()
        )
        return chain, restricted

    def live_modules_and_lessons(self):
        return live_modules_and_lessons(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        courses = (
            CoursePage.objects.live()
            .child_of(self)
            .order_by("path")
            .annotate(my_role=enrollment_roles(request.user))
        )
        modules, lessons = self.live_modules_and_lessons()
        context["your_courses"], context["other_courses"] = course_cards(
            request, courses, modules, lessons
        )
        return context


class CourseContentPage(Page):
    """A page inside a course: only the course's enrolled people (and administrators) may read it."""

    class Meta:
        abstract = True

    def get_course(self) -> "CoursePage":
        raise NotImplementedError

    def live_modules_and_lessons(self):
        return live_modules_and_lessons(self)

    def get_view_restrictions(self):
        """Wagtail's check (two queries), unless the route found no restriction on the way here.

        ``CourseIndexPage.route`` knows that from the published tree's cache, which a new or
        removed view restriction replaces.
        """
        if getattr(self, "unrestricted_in_published_tree", False):
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        course = self.get_course()
        if not course_access(request, course).may_read:
            return self.serve_not_enrolled(request, course)
        return super().serve(request, *args, **kwargs)

    def serve_not_enrolled(self, request, course: "CoursePage"):
        context = {
            "page": self,
            "course": course,
            "contacts": course_contacts(course),
            "breadcrumbs": [],
        }
        return TemplateResponse(request, "courses/not_enrolled.html", context, status=403)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        course = self.get_course()
        context["course"] = course
        context["access"] = course_access(request, course)
        context["outline"] = course_outline(course, request=request)
        return context


class CoursePage(CourseContentPage):
    overview = RichTextField(features=RICH_TEXT_FEATURES)
    audience = RichTextField(
        "who this course is for",
        features=RICH_TEXT_FEATURES,
        help_text="Who the course is written for and what they should already know.",
    )
    how_to_join = models.TextField(
        "how to ask to join",
        blank=True,
        help_text=(
            "Shown to people who are not enrolled: whom to ask and how. "
            "The course leads' names and addresses are always shown as well."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("overview"),
        InlinePanel("learning_outcomes", label="Learning outcomes", min_num=1),
        FieldPanel("audience"),
        FieldPanel("how_to_join"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("overview")]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = "course"

    def get_course(self) -> "CoursePage":
        return self

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline, access = context["outline"], context["access"]
        context["staff_members"] = course_staff_members(self)
        context["show_supervisee_link"] = has_supervisees_in(request.user, self)
        context["progress"] = (
            course_progress(outline, request.user) if access.may_track_progress else None
        )
        context["breadcrumbs"] = breadcrumbs_to(self, request=request)
        return context


class CourseLearningOutcome(Orderable):
    course = ParentalKey(CoursePage, on_delete=models.CASCADE, related_name="learning_outcomes")
    text = models.CharField(
        "outcome",
        max_length=300,
        help_text="What a trainee will be able to do, e.g. 'Agree a specific homework task'.",
    )

    panels = [FieldPanel("text")]

    def __str__(self) -> str:
        return self.text


class ModulePage(CourseContentPage):
    introduction = RichTextField(features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]
    search_fields = [*Page.search_fields, index.SearchField("introduction")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = "module"

    def get_course(self) -> CoursePage:
        return self.get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline, access = context["outline"], context["access"]
        context["module"] = outline.module(self.pk)
        context["progress"] = (
            course_progress(outline, request.user) if access.may_track_progress else None
        )
        context["breadcrumbs"] = breadcrumbs_to(self, request=request)
        return context


class LessonPage(CourseContentPage):
    estimated_minutes = models.PositiveSmallIntegerField(
        "estimated time (minutes)",
        validators=[MinValueValidator(1), MaxValueValidator(600)],
        help_text="About how long the lesson takes to read and work through.",
    )
    summary = models.CharField(
        max_length=300, blank=True, help_text="One sentence shown in search results."
    )
    body = StreamField(LessonBodyBlock())

    content_panels = [
        *Page.content_panels,
        FieldPanel("estimated_minutes"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
    ]
    parent_page_types = ["courses.ModulePage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = "lesson"

    def get_course(self) -> CoursePage:
        return self.get_parent().get_parent().specific

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        outline, access = context["outline"], context["access"]
        progress = course_progress(outline, request.user) if access.may_track_progress else None
        context["progress"] = progress
        context["module"] = outline.module_of(self.pk)
        context["previous_lesson"], context["next_lesson"] = outline.neighbours(self.pk)
        context["completed"] = progress is not None and self.pk in progress.completed_ids
        context["breadcrumbs"] = breadcrumbs_to(self, request=request)
        context["body"] = render_lesson_body(self, request=request)
        # Each exercise block asks this for its own worksheet, so the blocks never query.
        context["lesson_exercises"] = LessonExercises(request, self, context["access"])
        return context
