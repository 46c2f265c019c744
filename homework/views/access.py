"""Object lookups that answer 404 for what a person may not see and 403 for what they may not change."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from homework.models import Assignment
from supervision.permissions import checker_for
from supervision.selectors.meetings import meetings_visible_to


def assignment_for(request, pk: int, perm: str = "view_assignment") -> Assignment:
    assignment = get_object_or_404(
        Assignment.objects.select_related(
            "supervision__supervisor",
            "supervision__supervisee",
            "proposed_by",
            "case",
            "meeting",
            "worksheet_version",
            "reading_lesson",
        ),
        pk=pk,
    )
    checker = checker_for(request)
    if not checker.has_perm("view_assignment", assignment):
        raise Http404
    # After the supervision ends only the view permission is left (services.assignments).
    if perm != "view_assignment" and not checker.has_perm(perm, assignment):
        raise PermissionDenied
    return assignment


def meeting_of(request, supervision):
    """The meeting named in ?meeting=, if the person may read it and it was this supervision's."""
    meeting_id = request.GET.get("meeting") or request.POST.get("meeting")
    if not meeting_id or not str(meeting_id).isdigit():
        return None
    meeting = meetings_visible_to(request.user).filter(pk=meeting_id).first()
    if meeting is None or not meeting.attendances.filter(supervision=supervision).exists():
        raise Http404
    return meeting
