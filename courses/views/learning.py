"""A learner marks a lesson complete or starts its exercise; a supervisor sees their supervisees' progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from courses.models import CoursePage, LessonPage
from courses.presenters import course_access, course_outline, lesson_has_exercise
from courses.selectors.access import supervisee_progress
from courses.services.exercises import exercise_start as exercise_start_service
from courses.services.progress import lesson_complete, lesson_completion_undo
from supervision.idempotency import create_once
from worksheets.models import TemplateVersion
from worksheets.selectors.templates import templates_startable_by


@login_required
@require_POST
def lesson_progress(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    if not course_access(request, lesson.get_course()).may_track_progress:
        raise Http404
    action = request.POST.get("action")
    if action == "complete":
        lesson_complete(person=request.user, lesson=lesson)
        messages.success(request, f"“{lesson.title}” is marked complete.")
    elif action == "undo":
        lesson_completion_undo(person=request.user, lesson=lesson)
        messages.info(request, f"“{lesson.title}” is marked as not completed.")
    else:
        messages.error(request, "Nothing was changed: choose whether the lesson is complete.")
    return redirect(lesson.get_url(request))


@login_required
@require_POST
def exercise_start(request, lesson_id: int, worksheet_id: int):
    lesson = get_object_or_404(LessonPage.objects.live(), pk=lesson_id)
    access = course_access(request, lesson.get_course())
    if not access.may_read or not lesson_has_exercise(lesson, worksheet_id):
        raise Http404
    template = templates_startable_by(request.user).filter(pk=worksheet_id).first()
    if template is None:
        messages.error(
            request, "This worksheet is not available at the moment, so it cannot be started."
        )
        return redirect(lesson.get_url(request))
    entry = create_once(
        request,
        lambda: exercise_start_service(
            person=request.user,
            lesson=lesson,
            template_version=TemplateVersion.objects.get(pk=template.current_version_id),
        ),
    )
    if access.may_track_progress:
        messages.info(
            request,
            f"When you submit this worksheet, “{lesson.title}” is marked complete. "
            "Your answers stay private to you unless you share them.",
        )
    return redirect("worksheets:entry_edit", pk=entry.pk)


@login_required
def supervisees(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live(), pk=course_id)
    access = course_access(request, course)
    if not access.may_read:
        raise Http404
    outline = course_outline(course, request=request)
    context = {
        "course": course,
        "outline": outline,
        "rows": supervisee_progress(request.user, course, outline),
    }
    return render(request, "courses/supervisees.html", context)
