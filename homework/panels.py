"""What homework shows on supervision's pages; registered in ``HomeworkConfig.ready()``.

Each function receives the page's objects (supervision.panels lists them per slot) and returns
its template's context, or None when it has nothing to show there.
"""

from django.urls import reverse
from django.utils import timezone

from homework.models import Occurrence
from homework.selectors import (
    assignments_visible_to,
    engagement_for_supervisions,
    homework_for_meeting,
)
from supervision.models import Supervision
from supervision.presenting import pk_url
from supervision.viewer import viewer_for


def dashboard_actions(request, *, rows) -> dict:
    """ "Set homework" beside "Record a meeting", for each of the supervisor's supervisees."""
    url = pk_url("homework:assignment_create")  # one reverse() for the list, not one per row
    return {row.pk: {"url": url(row.pk), "person_name": row.supervisee.name} for row in rows}


def dashboard_engagement(request, *, rows) -> dict:
    """Reviews over the last eight weeks per supervisee, in two queries for the whole list."""
    engagement = engagement_for_supervisions([row.pk for row in rows])
    shown = {}
    for row in rows:
        figures = engagement[row.pk]
        total = figures.total
        if row.format == Supervision.Format.INDIVIDUAL or total:
            # What the template would otherwise work out for each row: the dashboard renders
            # this panel once per supervisee (issue 11).
            shown[row.pk] = {
                "engagement": figures,
                "total": total,
                "person_name": row.supervisee.name,
                "chart_id": f"engagement-{row.pk}",
            }
    return shown


def _homework_for(request, meeting):
    # Both sections of the record show part of the same lists: worked out once per request.
    return viewer_for(request).remember(
        ("homework_for_meeting", meeting.pk), lambda: homework_for_meeting(meeting, request.user)
    )


def meeting_review(request, *, meeting, text) -> dict:
    """The homework review opens the meeting's record: homework due by the meeting, reviewed."""
    due, _agreed = _homework_for(request, meeting)
    return {"meeting": meeting, "homework_due": due, "text": text, "today": timezone.localdate()}


def meeting_agreed(request, *, meeting, text) -> dict:
    """The homework agreed in the meeting, and the supervisor's links to set more."""
    _due, agreed = _homework_for(request, meeting)
    return {
        "meeting": meeting,
        "homework_agreed": agreed,
        "text": text,
        "attendances": meeting.attendances.all(),
        "is_supervisor": meeting.supervisor_id == request.user.pk,
    }


def supervision_homework(request, *, supervision) -> dict:
    """The relationship's homework, newest first, with who may set or propose more."""
    return {
        "supervision": supervision,
        "homework": assignments_visible_to(request.user)
        .filter(supervision=supervision)
        .order_by("-created_at"),
        "is_supervisor": supervision.supervisor_id == request.user.pk,
    }


def entry_plan(request, *, entry) -> dict | None:
    """Above a homework entry's worksheet: what, why, when and the obstacles planned for.

    None for an entry that is not homework, or whose homework the person may not read.
    """
    occurrence = (
        Occurrence.objects.filter(entry=entry)
        .select_related("assignment__supervision__supervisor")
        .first()
    )
    if occurrence is None:
        return None
    assignment = occurrence.assignment
    if not viewer_for(request).has_perm("view_assignment", assignment):
        return None
    supervisor = assignment.supervision.supervisor
    reopening = None
    if entry.status == entry.Status.REOPENED:
        reopening = entry.reopenings.select_related("reopened_by").first()
    return {
        "assignment": assignment,
        "occurrence": occurrence,
        "reopening": reopening,
        "readers": (
            f"Your changes stay private to you until you submit. When you submit, {supervisor.name} "
            "(your supervisor) can read this entry and give feedback; after that it can only be "
            "changed if it is reopened."
            if entry.submitted_at is None and reopening is None
            else f"Your changes stay private to you until you submit them again. {supervisor.name} "
            "(your supervisor) can read what you handed in before, and will read this revision "
            "once you submit it."
        ),
        "obstacles": list(assignment.obstacles.all()),
        "back_url": reverse("homework:assignment_detail", args=[assignment.pk]),
        "back_label": "Back to this homework",
    }
