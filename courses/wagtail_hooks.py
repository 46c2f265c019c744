"""Wagtail hooks: staff reach a course's people from the editor; course downloads stay with the course."""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.admin.views.pages.create import CreateView as PageCreateView
from wagtail.admin.viewsets.pages import PageViewSet

from courses.models import CourseIndexPage, CoursePage, CourseTeam, LessonPage, ModulePage
from courses.presenters import course_access
from courses.selectors.access import access_for_user


class CoursePeopleButton(PageMenuItem):
    label = "People enrolled"
    icon_name = "group"
    priority = 80

    @property
    def url(self):
        return reverse("courses:people", args=[self.page.pk])

    def is_shown(self, user):
        if self.page.specific_class is None or not issubclass(self.page.specific_class, CoursePage):
            return False
        return access_for_user(user, self.page).may_manage_people


class CoursePageCreateView(PageCreateView):
    """Wagtail's add page, without autosave.

    An autosave creates the page and only then moves the editor to the edit page; a Publish
    pressed while it is on its way posts to the add page again, which then refuses the slug as
    taken (seen under load). The edit page keeps autosave, where no such race exists.
    """

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["autosave_enabled"] = False
        return context


@hooks.register("register_admin_viewset")
def course_page_viewsets():
    # A PageViewSet adds no URLs of its own: the shared page URLs route to it by page type.
    return [
        PageViewSet(
            name=f"course_pages_{model._meta.model_name}",
            model=model,
            add_view_class=CoursePageCreateView,
        )
        for model in (CourseIndexPage, CoursePage, ModulePage, LessonPage)
    ]


@hooks.register("register_page_header_buttons")
def course_people_header_button(page, user, view_name, next_url=None):
    yield CoursePeopleButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def course_people_listing_button(page, user, next_url=None):
    yield CoursePeopleButton(page=page)


@hooks.register("before_serve_document")
def course_documents_are_for_course_members(document, request):
    """Downloads kept in a course's collection open only to people who may read that course."""
    team = CourseTeam.objects.select_related("course").filter(collection_id=document.collection_id)
    team = team.first()
    if team is None:
        return None
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not course_access(request, team.course).may_read:
        raise Http404
    return None
