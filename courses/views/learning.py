"""A learner marks a lesson complete; a supervisor sees their supervisees' progress in a course."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from courses.models import CoursePage, LessonPage
from courses.selectors import course_access, course_outline, supervisee_progress
from courses.services.progress import lesson_complete, lesson_completion_undo


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
