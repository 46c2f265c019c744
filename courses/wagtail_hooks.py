"""Wagtail admin additions: from a course's page in the editor, staff reach the people enrolled in it."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from courses.models import CoursePage
from courses.selectors import access_for_user


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


@hooks.register("register_page_header_buttons")
def course_people_header_button(page, user, view_name, next_url=None):
    yield CoursePeopleButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def course_people_listing_button(page, user, next_url=None):
    yield CoursePeopleButton(page=page)
