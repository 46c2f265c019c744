"""Learners mark lessons complete; progress shows per module and course; supervisors see their supervisees."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from courses.models import Enrollment, LessonCompletion
from courses.presenters import course_outline
from courses.selectors.access import course_progress
from courses.services.progress import lesson_complete, lesson_completion_undo
from supervision.services.relationships import supervision_end
from tests.courses.factories import enrol, make_course_with_lessons
from tests.factories import UserFactory, make_supervision

pytestmark = pytest.mark.django_db


def _progress_url(lesson):
    return reverse("courses:lesson_progress", args=[lesson.pk])


def test_anonymous_people_cannot_record_progress(client, lessons):
    response = client.post(_progress_url(lessons[0]), {"action": "complete"})
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize("who", ["outsider", "staff", "lead"])
def test_people_who_do_not_learn_in_the_course_cannot_record_progress(
    client, lessons, request, who
):
    person = request.getfixturevalue(who)
    client.force_login(person)
    response = client.post(_progress_url(lessons[0]), {"action": "complete"})
    assert response.status_code == 404
    assert not LessonCompletion.objects.exists()


def test_progress_can_only_be_posted(client, lessons, trainee):
    client.force_login(trainee)
    assert client.get(_progress_url(lessons[0])).status_code == 405


@pytest.mark.parametrize("who", ["trainee", "course_supervisor"])
def test_a_learner_marks_a_lesson_complete_and_sees_progress_move(client, lessons, request, who):
    person = request.getfixturevalue(who)
    client.force_login(person)
    before = client.get(lessons[0].url).content.decode()
    assert "Whole course: 0 of 3 lessons complete (0%)" in before
    assert "Mark lesson complete" in before

    response = client.post(_progress_url(lessons[0]), {"action": "complete"}, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == lessons[0].url
    assert "is marked complete" in html
    assert "You have completed this lesson." in html
    assert "Whole course: 1 of 3 lessons complete (33%)" in html
    assert 'value="1"' in html


def test_marking_twice_records_one_completion_and_undo_removes_it(client, lessons, trainee):
    client.force_login(trainee)
    for _ in range(2):
        client.post(_progress_url(lessons[0]), {"action": "complete"})
    assert LessonCompletion.objects.filter(person=trainee).count() == 1

    client.post(_progress_url(lessons[0]), {"action": "undo"})
    assert not LessonCompletion.objects.filter(person=trainee).exists()
    client.post(_progress_url(lessons[0]), {"action": "undo"})
    assert not LessonCompletion.objects.filter(person=trainee).exists()


def test_an_unknown_action_changes_nothing_and_says_so(client, lessons, trainee):
    client.force_login(trainee)
    response = client.post(_progress_url(lessons[0]), {"action": "finish"}, follow=True)
    assert "Nothing was changed" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_progress_counts_per_module_and_course(course, lessons, trainee):
    lesson_complete(person=trainee, lesson=lessons[0])
    lesson_complete(person=trainee, lesson=lessons[0])
    outline = course_outline(course)
    progress = course_progress(outline, trainee)
    assert (progress.overall.done, progress.overall.total, progress.overall.percent) == (1, 3, 33)
    first_module = outline.module_of(lessons[0].pk)
    assert progress.for_module(first_module.id).done == 1
    lesson_completion_undo(person=trainee, lesson=lessons[0])
    assert course_progress(outline, trainee).overall.done == 0


def test_lessons_of_an_unpublished_module_do_not_count(course, lessons, trainee):
    module = lessons[0].get_parent()
    lesson_complete(person=trainee, lesson=lessons[0])
    module.unpublish()
    progress = course_progress(course_outline(course), trainee)
    assert progress.overall.total < 3
    assert progress.overall.done == 0


def test_previous_and_next_lessons_cross_module_boundaries(client, lessons, trainee):
    client.force_login(trainee)
    first = client.get(lessons[0].url).content.decode()
    middle = client.get(lessons[1].url).content.decode()
    last = client.get(lessons[2].url).content.decode()
    assert "Previous lesson" not in first and lessons[1].url in first
    assert 'rel="prev"' in middle and 'rel="next"' in middle
    assert 'rel="next"' not in last and lessons[1].url in last


def test_breadcrumbs_lead_back_up_the_tree(client, course, lessons, trainee):
    client.force_login(trainee)
    html = client.get(lessons[0].url).content.decode()
    crumbs = html.split('aria-label="Breadcrumb"')[1].split("</nav>")[0]
    assert 'href="/learn/"' in crumbs
    assert f'href="{course.url}"' in crumbs
    assert f'href="{lessons[0].get_parent().url}"' in crumbs
    assert 'aria-current="page"' in crumbs


# --- Supervisors see their supervisees' progress -----------------------------------------


def _supervisees_url(course):
    return reverse("courses:supervisees", args=[course.pk])


def test_a_supervisor_sees_their_active_supervisees_progress(
    client, course, lessons, trainee, course_supervisor
):
    lesson_complete(person=trainee, lesson=lessons[0])
    client.force_login(course_supervisor)
    assert _supervisees_url(course) in client.get(course.url).content.decode()
    html = client.get(_supervisees_url(course)).content.decode()
    assert trainee.name in html
    assert "Whole course: 1 of 3 lessons complete (33%)" in html


def test_a_supervisor_sees_no_one_else(client, course, lessons, trainee, course_supervisor):
    # Another supervisor's supervisee, and a past supervisee, are both enrolled.
    stranger = UserFactory(display_name="Someone Elses")
    enrol(course, stranger)
    make_supervision(UserFactory(), stranger)
    former = UserFactory(display_name="Former Supervisee")
    enrol(course, former)
    ended = make_supervision(
        course_supervisor, former, started_on=timezone.localdate() - datetime.timedelta(days=90)
    )
    supervision_end(supervision=ended, ended_on=timezone.localdate())
    # A supervisee who is enrolled only as staff is not a learner in this course.
    staff_supervisee = UserFactory(display_name="Staff Supervisee")
    enrol(course, staff_supervisee, Enrollment.Role.STAFF)
    make_supervision(course_supervisor, staff_supervisee)

    client.force_login(course_supervisor)
    html = client.get(_supervisees_url(course)).content.decode()
    assert trainee.name in html
    for hidden in (stranger, former, staff_supervisee):
        assert hidden.name not in html


def test_staff_see_no_supervisees_progress(client, course, trainee, staff):
    client.force_login(staff)
    assert _supervisees_url(course) not in client.get(course.url).content.decode()
    html = client.get(_supervisees_url(course)).content.decode()
    assert trainee.name not in html
    assert "None of the people you supervise" in html


def test_the_trainee_does_not_see_their_supervisors_progress(
    client, course, trainee, course_supervisor
):
    client.force_login(trainee)
    html = client.get(_supervisees_url(course)).content.decode()
    assert course_supervisor.name not in html


def test_people_outside_the_course_cannot_open_supervisee_progress(client, course, trainee):
    outsider_supervisor = UserFactory()
    make_supervision(outsider_supervisor, trainee)
    client.force_login(outsider_supervisor)
    assert client.get(_supervisees_url(course)).status_code == 404
    client.logout()
    assert client.get(_supervisees_url(course)).status_code == 302


def test_supervisee_progress_for_a_missing_course_is_not_found(client, trainee):
    client.force_login(trainee)
    assert client.get(reverse("courses:supervisees", args=[999999])).status_code == 404


def test_course_progress_survives_lessons_in_other_courses(trainee, course):
    other, other_lessons = make_course_with_lessons(lessons=2)
    enrol(other, trainee)
    lesson_complete(person=trainee, lesson=other_lessons[0])
    assert course_progress(course_outline(course), trainee).overall.done == 0
