"""Cases: a supervisee's own and their supervisees' cases, one case with its conversation, and editing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from supervision.audit import read_record, reads_of
from supervision.forms import apply_errors
from supervision.forms.cases import CaseCommentForm, CaseForm
from supervision.idempotency import create_once
from supervision.models import Supervision
from supervision.permissions import objects_for_user
from supervision.selectors.cases import (
    case_comments_visible_to,
    cases_brought_to,
    cases_of,
    cases_visible_to,
)
from supervision.selectors.meetings import meetings_visible_to
from supervision.services.cases import (
    CASE_FIELDS,
    case_comment_add,
    case_create,
    case_delete,
    case_update,
)
from supervision.viewer import object_for, viewer_for


@login_required
@require_GET
def case_list(request):
    context = {
        "own_cases": cases_of(request.user),
        "supervisees_cases": cases_brought_to(request.user),
    }
    return render(request, "supervision/cases/list.html", context)


def _supervisions_taking_cases(user):
    return objects_for_user(
        user,
        "bring_case",
        Supervision.objects.select_related("supervisor", "group").filter(supervisee=user),
    ).order_by("-started_on", "pk")


@login_required
@require_http_methods(["GET", "POST"])
def case_create_view(request):
    supervisions = _supervisions_taking_cases(request.user)
    initial = {}
    if request.GET.get("supervision", "").isdigit():
        initial["supervision"] = int(request.GET["supervision"])
    form = CaseForm(request.POST or None, supervisions=supervisions, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = create_once(
                request,
                lambda: case_create(
                    supervision=data["supervision"],
                    author=request.user,
                    **{name: data[name] for name in CASE_FIELDS if name in data},
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, f"Case “{case.pseudonym}” added.")
            return redirect("supervision:case_detail", pk=case.pk)
    context = {"form": form, "has_supervision": supervisions.exists()}
    return render(request, "supervision/cases/form.html", context)


def _case_page(request, case, comment_form=None):
    viewer = viewer_for(request)
    context = {
        "case": case,
        "comments": case_comments_visible_to(case, request.user),
        "meetings": meetings_visible_to(request.user)
        .filter(cases_discussed=case)
        .order_by("-date"),
        "can_change": viewer.has_perm("change_case", case),
        "can_delete": viewer.has_perm("delete_case", case),
        "can_comment": viewer.has_perm("comment_case", case),
        "comment_form": comment_form or CaseCommentForm(),
    }
    if case.supervision.supervisee_id == request.user.pk:
        context["reads"] = reads_of(case)
    return render(request, "supervision/cases/detail.html", context)


@login_required
@require_GET
def case_detail(request, pk):
    case = object_for(request, cases_visible_to(request.user), pk, view="view_case")
    read_record(request, case, owner_id=case.supervision.supervisee_id)
    return _case_page(request, case)


@login_required
@require_POST
def case_comment(request, pk):
    case = object_for(
        request, cases_visible_to(request.user), pk, view="view_case", need="comment_case"
    )
    form = CaseCommentForm(request.POST)
    if form.is_valid():
        try:
            create_once(
                request,
                lambda: case_comment_add(
                    case=case,
                    author=request.user,
                    text=form.cleaned_data["text"],
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Comment added.")
            return redirect("supervision:case_detail", pk=case.pk)
    return _case_page(request, case, comment_form=form)


@login_required
@require_http_methods(["GET", "POST"])
def case_update_view(request, pk):
    case = object_for(
        request, cases_visible_to(request.user), pk, view="view_case", need="change_case"
    )
    form = CaseForm(request.POST or None, instance=case)
    if request.method == "POST" and form.is_valid():
        try:
            case_update(
                case=case,
                **{name: form.cleaned_data[name] for name in CASE_FIELDS if name in form.fields},
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Case saved.")
            return redirect("supervision:case_detail", pk=case.pk)
    return render(request, "supervision/cases/form.html", {"form": form, "case": case})


@login_required
@require_http_methods(["GET", "POST"])
def case_delete_view(request, pk):
    case = object_for(
        request, cases_visible_to(request.user), pk, view="view_case", need="delete_case"
    )
    if request.method == "POST":
        try:
            case_delete(case=case)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("supervision:case_detail", pk=case.pk)
        messages.success(request, f"Case “{case.pseudonym}” deleted.")
        return redirect("supervision:case_list")
    return render(request, "supervision/cases/confirm_delete.html", {"case": case})
