"""Object lookups that answer 404 for what a person may not see and 403 for what they may not change."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404

from homework.models import Assignment
from supervision.permissions import checker_for


def assignment_for(request, pk: int, perm: str = "view_assignment") -> Assignment:
    assignment = get_object_or_404(
        Assignment.objects.select_related(
            "supervision__supervisor", "supervision__supervisee", "proposed_by"
        ),
        pk=pk,
    )
    checker = checker_for(request)
    if not checker.has_perm("view_assignment", assignment):
        raise Http404
    if perm != "view_assignment" and not checker.has_perm(perm, assignment):
        raise PermissionDenied
    return assignment
