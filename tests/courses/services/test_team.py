"""Moderation: course staff submit lessons for review, a course lead approves and so publishes them."""

import pytest
from django.urls import reverse
from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from courses.models import LessonPage

pytestmark = pytest.mark.django_db


def _new_lesson(action: str) -> dict:
    return nested_form_data(
        {
            "title": "Reviewing homework first",
            "slug": "reviewing-homework-first",
            "estimated_minutes": "15",
            "body": streamfield([("text", rich_text("<p>Review homework first.</p>"))]),
            action: action,
        }
    )


def test_staff_submit_a_lesson_and_a_lead_approves_it(client, lessons, staff, lead, trainee):
    module = lessons[0].get_parent()
    add_url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])

    client.force_login(staff)
    # Staff cannot publish directly: the publish action is not theirs, so it leaves a draft.
    client.post(add_url, _new_lesson("action-publish"))
    assert not LessonPage.objects.filter(slug="reviewing-homework-first", live=True).exists()
    LessonPage.objects.filter(slug="reviewing-homework-first").delete()

    client.post(add_url, _new_lesson("action-submit"))
    lesson = LessonPage.objects.get(slug="reviewing-homework-first")
    assert not lesson.live
    state = WorkflowState.objects.get(
        object_id=str(lesson.pk), status=WorkflowState.STATUS_IN_PROGRESS
    )
    client.force_login(trainee)
    assert client.get(f"{module.url}reviewing-homework-first/").status_code == 404

    client.force_login(lead)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[lesson.pk, "approve", state.current_task_state.pk],
    )
    client.post(approve_url, {"comment": "Reads well."})
    lesson.refresh_from_db()
    assert lesson.live

    client.force_login(trainee)
    assert client.get(lesson.url).status_code == 200


def test_staff_cannot_approve_their_own_submission(client, lessons, staff, lead):
    module = lessons[0].get_parent()
    add_url = reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.pk])
    client.force_login(staff)
    client.post(add_url, _new_lesson("action-submit"))
    lesson = LessonPage.objects.get(slug="reviewing-homework-first")
    state = WorkflowState.objects.get(object_id=str(lesson.pk))
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[lesson.pk, "approve", state.current_task_state.pk],
    )
    client.post(approve_url, {"comment": ""})
    lesson.refresh_from_db()
    assert not lesson.live
