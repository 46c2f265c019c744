"""Course pages in Wagtail's editor: the add page does not autosave, the edit page does."""

import pytest
from django.urls import reverse

from tests.courses.factories import make_course, make_lesson, make_module

pytestmark = pytest.mark.django_db


def test_adding_a_lesson_does_not_autosave_but_editing_one_does(client, administrator):
    """An autosave that creates the page races a Publish on the add page (courses/wagtail_hooks)."""
    module = make_module(make_course())
    lesson = make_lesson(module)
    client.force_login(administrator)
    add = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    response = client.get(add)
    assert response.status_code == 200 and response.context["autosave_enabled"] is False
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[lesson.pk]))
    assert edit.status_code == 200 and edit.context["autosave_enabled"] is True
