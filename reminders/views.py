"""Turning reminders off for one homework, and the overview of background tasks for administrators."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from homework.models import Assignment
from reminders.selectors import TASK_STATUSES, task_counts, tasks_in
from reminders.services import assignment_reminders_set, task_retry
from supervision.viewer import object_for, viewer_for


@login_required
@require_POST
def assignment_reminders(request, pk: int):
    """Either person in the supervision turns reminders about this homework on or off."""
    assignment = object_for(
        request, Assignment.objects.select_related("supervision"), pk, view="view_assignment"
    )
    on = request.POST.get("reminders") == "on"
    assignment_reminders_set(assignment=assignment, person=request.user, on=on)
    state = "on" if on else "off"
    messages.success(request, f"Reminders about “{assignment.title}” are {state}.")
    return redirect("notifications:preferences")


def _require_administrator(request) -> None:
    if not viewer_for(request).roles.administrator:
        raise PermissionDenied


@login_required
@require_GET
def task_overview(request):
    _require_administrator(request)
    status = request.GET.get("status", "FAILED")
    if status not in TASK_STATUSES:
        status = "FAILED"
    return render(
        request,
        "reminders/task_overview.html",
        {"counts": task_counts(), "status": status, "tasks": tasks_in(status)},
    )


@login_required
@require_POST
def task_retry_view(request, task_id):
    _require_administrator(request)
    if task_retry(task_id=task_id):
        messages.success(request, "The task is queued again.")
    else:
        messages.info(request, "That task is no longer failed, so it was not queued again.")
    return redirect(f"{reverse('reminders:task_overview')}?status=FAILED")
