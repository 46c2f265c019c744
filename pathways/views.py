"""Assigning a pathway to a supervisee, and copying or sharing a supervisor's own pathways."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from homework.forms import obstacle_formset, obstacle_plans
from homework.views.access import meeting_of
from pathways.forms import PathwayAssignForm
from pathways.selectors import pathways_usable_by, sharing_candidates
from pathways.services import (
    pathway_assign,
    pathway_colleagues,
    pathway_copy,
    pathway_sharing_set,
)
from supervision.forms import apply_errors
from supervision.idempotency import create_once
from supervision.selectors.relationships import supervisions_visible_to
from worksheets.forms.templates import TemplateSharingForm
from worksheets.permissions import may_author_templates


@login_required
@require_http_methods(["GET", "POST"])
def pathway_assign_view(request, supervision_id: int):
    """The supervisor of a running relationship assigns a library, own or shared pathway."""
    supervision = get_object_or_404(supervisions_visible_to(request.user), pk=supervision_id)
    if supervision.supervisor_id != request.user.pk or not supervision.is_active:
        raise PermissionDenied
    meeting = meeting_of(request, supervision)
    pathways = pathways_usable_by(request.user)
    initial = {}
    if request.GET.get("pathway", "").isdigit():
        initial["pathway"] = request.GET["pathway"]
    form = PathwayAssignForm(request.POST or None, pathways=pathways, initial=initial)
    obstacles = obstacle_formset(request.POST or None)
    if request.method == "POST" and form.is_valid() and obstacles.is_valid():
        try:
            assignment = create_once(
                request,
                lambda: pathway_assign(
                    pathway=form.cleaned_data["pathway"],
                    supervision=supervision,
                    supervisor=request.user,
                    data=form.cleaned_data,
                    obstacles=obstacle_plans(obstacles),
                    meeting=meeting,
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Pathway assigned as one homework.")
            return redirect("homework:assignment_detail", assignment.pk)
    return render(
        request,
        "pathways/assign_form.html",
        {
            "form": form,
            "obstacles": obstacles,
            "supervision": supervision,
            "meeting": meeting,
            "pathways": pathways,
        },
    )


def _visible_pathway(request, pk: int):
    return get_object_or_404(pathways_usable_by(request.user), pk=pk)


def _admin_edit_url(pathway) -> str:
    return reverse("wagtailsnippets_pathways_pathway:edit", args=[pathway.pk])


@login_required
@require_http_methods(["GET", "POST"])
def pathway_copy_view(request, pk: int):
    """A supervisor copies a library (or shared) pathway into their own, to change it."""
    pathway = _visible_pathway(request, pk)
    if not may_author_templates(request.user):
        raise Http404
    if request.method == "POST":
        duplicate = create_once(request, lambda: pathway_copy(pathway=pathway, owner=request.user))
        messages.success(
            request, f"“{duplicate.title}” is now one of your own pathways. Change it as you like."
        )
        return redirect(_admin_edit_url(duplicate))
    return render(request, "pathways/copy.html", {"pathway": pathway})


@login_required
@require_http_methods(["GET", "POST"])
def pathway_sharing_view(request, pk: int):
    """The owner shares their pathway with exactly the colleagues ticked."""
    pathway = _visible_pathway(request, pk)
    if pathway.owner_id != request.user.pk:
        raise Http404
    candidates = sharing_candidates(pathway)
    if request.method == "POST":
        form = TemplateSharingForm(request.POST, colleagues=candidates, noun="pathway")
        if form.is_valid():
            try:
                pathway_sharing_set(pathway=pathway, colleagues=form.cleaned_data["colleagues"])
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(request, form.saved_message(pathway.title))
                return redirect(_admin_edit_url(pathway))
    else:
        form = TemplateSharingForm(
            colleagues=candidates,
            noun="pathway",
            initial={"colleagues": pathway_colleagues(pathway)},
        )
    return render(request, "pathways/sharing.html", {"pathway": pathway, "form": form})
