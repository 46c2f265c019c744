"""The homework a view works on: 404 for what a person may not see, 403 for what they may not do."""

from django.http import Http404

from homework.models import Assignment
from supervision.selectors.meetings import meetings_visible_to
from supervision.viewer import object_for


def assignment_for(request, pk: int, perm: str = "view_assignment") -> Assignment:
    """The assignment, if the person may read it and (for ``perm``) do what they ask.

    After the supervision ends only ``view_assignment`` is left (``supervision_homework_close``).
    """
    return object_for(
        request,
        Assignment.objects.select_related(
            "supervision__supervisor",
            "supervision__supervisee",
            "proposed_by",
            "case",
            "meeting",
            "worksheet_version",
            "reading_lesson",
        ),
        pk,
        view="view_assignment",
        need=None if perm == "view_assignment" else perm,
    )


def meeting_of(request, supervision):
    """The meeting named in ?meeting=, if the person may read it and it was this supervision's."""
    meeting_id = request.GET.get("meeting") or request.POST.get("meeting")
    if not meeting_id or not str(meeting_id).isdigit():
        return None
    meeting = meetings_visible_to(request.user).filter(pk=meeting_id).first()
    if meeting is None or not meeting.attendances.filter(supervision=supervision).exists():
        raise Http404
    return meeting
