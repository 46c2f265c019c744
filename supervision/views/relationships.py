"""A relationship's own page, and the administrators' pages for starting and ending relationships and groups."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from supervision.forms import apply_errors
from supervision.forms.relationships import (
    EndForm,
    GroupDetailsForm,
    GroupMemberAddForm,
    GroupStartForm,
    RelationshipStartForm,
)
from supervision.models import HoursSignOff, Supervision, SupervisionGroup
from supervision.panels import panels_for
from supervision.selectors.cases import cases_visible_to
from supervision.selectors.invitations import invitations_waiting
from supervision.selectors.meetings import meetings_of_group, meetings_of_supervision
from supervision.selectors.relationships import (
    group_members,
    groups_for_administration,
    relationships_for_administration,
    supervisions_visible_to,
)
from supervision.selectors.signoffs import signoffs_for
from supervision.services.relationships import (
    supervision_end,
    supervision_group_end,
    supervision_group_start,
    supervision_group_update,
    supervision_start,
)
from supervision.viewer import object_for, viewer_for

from .access import administrator_required


@login_required
@require_GET
def supervision_detail(request, pk):
    supervision = object_for(
        request, supervisions_visible_to(request.user), pk, view="view_supervision"
    )
    viewer = viewer_for(request)
    context = {
        "supervision": supervision,
        "is_supervisor": supervision.supervisor_id == request.user.pk,
        "meetings": meetings_of_supervision(supervision, request.user),
        "cases": cases_visible_to(request.user).filter(supervision=supervision),
        "can_record_meeting": viewer.has_perm("record_meeting", supervision),
        "can_bring_case": viewer.has_perm("bring_case", supervision),
        "signoffs_waiting": signoffs_for(supervision)
        .filter(status=HoursSignOff.Status.SUBMITTED)
        .count(),
        # Between meetings and cases: what other apps register (homework).
        "panels": panels_for("supervision.detail", request, supervision=supervision),
    }
    return render(request, "supervision/relationships/detail.html", context)


@login_required
@require_GET
def group_detail(request, pk):
    group = object_for(
        request,
        SupervisionGroup.objects.select_related("supervisor"),
        pk,
        view="view_supervisiongroup",
    )
    context = {
        "group": group,
        "members": group_members(group),
        "meetings": meetings_of_group(group, request.user),
        "can_record_meeting": viewer_for(request).has_perm("record_meeting", group),
    }
    return render(request, "supervision/groups/detail.html", context)


# --- Programme administration: people and dates, never what was discussed ----------------------


@administrator_required
@require_GET
def manage(request):
    status = request.GET.get("status", "current")
    if status not in ("current", "ended", "all"):
        status = "current"
    context = {
        "status": status,
        "relationships": relationships_for_administration(status).filter(group__isnull=True),
        "groups": groups_for_administration(),
        "invitations": invitations_waiting(),
    }
    return render(request, "supervision/manage/index.html", context)


@administrator_required
@require_http_methods(["GET", "POST"])
def relationship_start(request):
    form = RelationshipStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            supervision = supervision_start(
                supervisor=form.cleaned_data["supervisor"],
                supervisee=form.cleaned_data["supervisee"],
                kind=form.cleaned_data["kind"],
                started_on=form.cleaned_data["started_on"],
                actor=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Started: {supervision}.")
            return redirect("supervision:manage")
    return render(request, "supervision/manage/relationship_start.html", {"form": form})


@administrator_required
@require_http_methods(["GET", "POST"])
def relationship_end(request, pk):
    supervision = get_object_or_404(
        Supervision.objects.select_related("supervisor", "supervisee", "group"), pk=pk
    )
    form = EndForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            supervision_end(
                supervision=supervision, ended_on=form.cleaned_data["ended_on"], actor=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Ended: {supervision}.")
            if supervision.group_id:
                return redirect("supervision:group_manage", pk=supervision.group_id)
            return redirect("supervision:manage")
    context = {"supervision": supervision, "form": form}
    return render(request, "supervision/manage/relationship_end.html", context)


@administrator_required
@require_http_methods(["GET", "POST"])
def group_start(request):
    form = GroupStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            group = supervision_group_start(
                supervisor=data["supervisor"],
                name=data["name"],
                kind=data["kind"],
                started_on=data["started_on"],
                credit_rule=data["credit_rule"],
                credit_percent=data.get("credit_percent"),
                members=list(data.get("members") or []),
                actor=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Started the group “{group.name}”.")
            return redirect("supervision:group_manage", pk=group.pk)
    return render(request, "supervision/manage/group_start.html", {"form": form})


def _group_page(request, group, **forms):
    context = {
        "group": group,
        "members": group_members(group),
        "details_form": forms.get("details_form")
        or GroupDetailsForm(
            initial={
                "name": group.name,
                "credit_rule": group.credit_rule,
                "credit_percent": group.credit_percent,
            },
            prefix="details",
        ),
        "member_form": forms.get("member_form") or GroupMemberAddForm(prefix="member"),
        "end_form": forms.get("end_form") or EndForm(prefix="end"),
    }
    return render(request, "supervision/manage/group.html", context)


def _managed_group(pk):
    return get_object_or_404(SupervisionGroup.objects.select_related("supervisor"), pk=pk)


@administrator_required
@require_GET
def group_manage(request, pk):
    return _group_page(request, _managed_group(pk))


@administrator_required
@require_http_methods(["POST"])
def group_update(request, pk):
    group = _managed_group(pk)
    form = GroupDetailsForm(request.POST, prefix="details")
    if form.is_valid():
        try:
            supervision_group_update(
                group=group,
                name=form.cleaned_data["name"],
                credit_rule=form.cleaned_data["credit_rule"],
                credit_percent=form.cleaned_data.get("credit_percent"),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Saved the group's details.")
            return redirect("supervision:group_manage", pk=group.pk)
    group.refresh_from_db()
    return _group_page(request, group, details_form=form)


@administrator_required
@require_http_methods(["POST"])
def group_member_add(request, pk):
    group = _managed_group(pk)
    form = GroupMemberAddForm(request.POST, prefix="member")
    if form.is_valid():
        try:
            supervision_start(
                supervisor=group.supervisor,
                supervisee=form.cleaned_data["supervisee"],
                group=group,
                started_on=form.cleaned_data["started_on"],
                actor=request.user,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Added {form.cleaned_data['supervisee'].name}.")
            return redirect("supervision:group_manage", pk=group.pk)
    return _group_page(request, group, member_form=form)


@administrator_required
@require_http_methods(["POST"])
def group_end(request, pk):
    group = _managed_group(pk)
    form = EndForm(request.POST, prefix="end")
    if form.is_valid():
        try:
            supervision_group_end(
                group=group, ended_on=form.cleaned_data["ended_on"], actor=request.user
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Ended the group “{group.name}”.")
            return redirect("supervision:manage")
    return _group_page(request, group, end_form=form)
