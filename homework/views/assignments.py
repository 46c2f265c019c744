"""Agreeing, reading, editing and accepting homework."""

import datetime

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Exists, OuterRef
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from courses.selectors.lessons import lessons_readable_by
from feedback.models import Feedback
from homework.forms import AssignmentForm, obstacle_formset, obstacle_plans
from homework.models import Assignment, Reopening
from homework.services.assignments import (
    StaleEdit,
    assignment_accept,
    assignment_author_check,
    assignment_create,
    assignment_drop,
    assignment_update,
    supervision_proposals_set,
)
from homework.views.access import assignment_for, meeting_of
from supervision import panels
from supervision.forms import apply_errors
from supervision.idempotency import create_once
from supervision.selectors.meetings import next_meeting_date
from supervision.selectors.relationships import supervisions_visible_to
from supervision.viewer import viewer_for
from worksheets.selectors.templates import templates_startable_by


def _low_confidence_message(request, assignment: Assignment) -> None:
    if assignment.low_confidence:
        messages.warning(
            request,
            f"Confidence is {assignment.confidence}/10. Below 7 is a sign to make the task "
            "smaller or easier, so that it can succeed.",
        )


@login_required
def assignment_create_view(request, supervision_id: int):
    supervision = get_object_or_404(supervisions_visible_to(request.user), pk=supervision_id)
    is_proposal = assignment_author_check(supervision, request.user)
    initial = {}
    if request.GET.get("worksheet"):
        initial["worksheet_version"] = request.GET["worksheet"]
    if request.GET.get("lesson"):
        initial["reading_lesson"] = request.GET["lesson"]
    meeting = meeting_of(request, supervision)
    # Due by the next planned meeting, where it is reviewed; a week on when none is planned yet.
    today = timezone.localdate()
    after = max(today, meeting.date) if meeting else today
    initial["starts_on"] = next_meeting_date(
        supervision, request.user, after=after
    ) or after + datetime.timedelta(days=7)
    form = AssignmentForm(
        request.POST or None, author=request.user, supervision=supervision, initial=initial
    )
    obstacles = obstacle_formset(request.POST or None)
    if request.method == "POST" and form.is_valid() and obstacles.is_valid():
        try:
            assignment = create_once(
                request,
                lambda: assignment_create(
                    supervision=supervision,
                    author=request.user,
                    data=form.cleaned_data,
                    obstacles=obstacle_plans(obstacles),
                    meeting=meeting,
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if assignment.status == Assignment.Status.PROPOSED:
                messages.success(request, "Proposal sent to your supervisor.")
            else:
                messages.success(request, "Homework assigned.")
            _low_confidence_message(request, assignment)
            return redirect("homework:assignment_detail", assignment.pk)
    return render(
        request,
        "homework/assignment_form.html",
        {
            "form": form,
            "obstacles": obstacles,
            "supervision": supervision,
            "meeting": meeting,
            "is_proposal": is_proposal,
        },
    )


@login_required
@require_GET
def assignment_detail(request, pk: int):
    assignment = assignment_for(request, pk)
    viewer = viewer_for(request)
    return render(
        request,
        "homework/assignment_detail.html",
        {
            "assignment": assignment,
            "obstacles": assignment.obstacles.all(),
            "expected": assignment.expected.select_related("entry")
            .prefetch_related("entry__attachments")
            .annotate(
                feedback_released=Exists(
                    Feedback.objects.filter(
                        entry=OuterRef("entry"), status=Feedback.Status.RELEASED
                    )
                )
            ),
            "reopenings": Reopening.objects.filter(entry__occurrence__assignment=assignment)
            .select_related("reopened_by")
            .order_by("-created_at"),
            "reviews": assignment.reviews.select_related("recorded_by", "occurrence"),
            "is_supervisor": assignment.supervision.supervisor_id == request.user.pk,
            # Only what the person may still do is offered (an ended supervision takes these
            # back: homework.services.assignments.supervision_homework_close).
            "may_change": viewer.has_perm("change_assignment", assignment),
            "may_review": viewer.has_perm("review_assignment", assignment),
            "may_work": viewer.has_perm("work_on_assignment", assignment),
            # From a meeting's record (?meeting=): a step reviewed here belongs to that meeting.
            "review_meeting": meeting_of(request, assignment.supervision),
            "panels": panels.panels_for("homework.assignment", request, assignment=assignment),
        },
    )


@login_required
def assignment_edit(request, pk: int):
    assignment = assignment_for(request, pk, "change_assignment")
    initial_obstacles = [
        {"obstacle": row.obstacle, "plan": row.plan} for row in assignment.obstacles.all()
    ]
    form = AssignmentForm(
        request.POST or None,
        instance=assignment,
        author=request.user,
        supervision=assignment.supervision,
        initial={"version": assignment.version},
    )
    obstacles = obstacle_formset(request.POST or None, initial=initial_obstacles)
    if request.method == "POST" and form.is_valid() and obstacles.is_valid():
        try:
            assignment = assignment_update(
                assignment=Assignment.objects.get(pk=pk),
                editor=request.user,
                based_on_version=form.cleaned_data.get("version") or 0,
                data=form.cleaned_data,
                obstacles=obstacle_plans(obstacles),
            )
        except StaleEdit:
            form.add_error(
                None,
                "Someone changed this homework while you were editing it. Your changes are "
                "still below; reload the page to see theirs, then apply yours again.",
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Homework updated.")
            _low_confidence_message(request, assignment)
            return redirect("homework:assignment_detail", assignment.pk)
    return render(
        request,
        "homework/assignment_form.html",
        {
            "form": form,
            "obstacles": obstacles,
            "supervision": assignment.supervision,
            "assignment": assignment,
        },
    )


@login_required
@require_POST
def assignment_accept_view(request, pk: int):
    assignment = assignment_for(request, pk, "change_assignment")
    was = assignment.status
    assignment = assignment_accept(assignment=assignment, supervisor=request.user)
    # A second tab may have accepted or dropped it already: say what it is now.
    if was == Assignment.Status.PROPOSED:
        messages.success(request, "Proposal accepted; it is now active homework.")
    elif assignment.status == Assignment.Status.DROPPED:
        messages.error(request, "This proposal was dropped, so it can no longer be accepted.")
    else:
        messages.info(request, "This proposal was already accepted.")
    return redirect("homework:assignment_detail", assignment.pk)


@login_required
@require_POST
def assignment_drop_view(request, pk: int):
    assignment = assignment_for(request, pk, "change_assignment")
    if assignment.status == Assignment.Status.DROPPED:
        messages.info(request, "This homework was already dropped. It stays in the record.")
    else:
        assignment_drop(assignment=assignment, actor=request.user)
        messages.success(request, "Homework dropped. It stays in the record.")
    return redirect("homework:assignment_detail", assignment.pk)


@login_required
@require_GET
def assign_from_lesson(request):
    """From a lesson's exercise: choose whom to assign it to, then the prefilled assignment form."""
    worksheet = (
        templates_startable_by(request.user).filter(pk=request.GET.get("worksheet") or 0).first()
    )
    lesson = lessons_readable_by(request.user).filter(pk=request.GET.get("lesson") or 0).first()
    if worksheet is None or lesson is None:
        raise Http404
    supervisions = (
        supervisions_visible_to(request.user)
        .filter(supervisor=request.user)
        .active()
        .order_by("supervisee__display_name", "pk")
    )
    query = f"worksheet={worksheet.current_version_id}&lesson={lesson.pk}"
    context = {
        "worksheet": worksheet,
        "lesson": lesson,
        "choices": [
            (supervision, f"{reverse('homework:assignment_create', args=[supervision.pk])}?{query}")
            for supervision in supervisions
        ],
    }
    return render(request, "homework/assign_from_lesson.html", context)


@login_required
@require_POST
def proposals_setting(request, supervision_id: int):
    supervision = get_object_or_404(supervisions_visible_to(request.user), pk=supervision_id)
    allowed = request.POST.get("supervisee_may_propose") == "on"
    supervision_proposals_set(supervision=supervision, supervisor=request.user, allowed=allowed)
    if allowed:
        messages.success(request, f"{supervision.supervisee.name} can now propose homework.")
    else:
        messages.success(request, "Only you set homework in this supervision.")
    return redirect("supervision:supervision_detail", supervision.pk)
