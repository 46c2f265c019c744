"""Pages of the privacy app: one's own export and reads, and the administrators' audit and erasure."""

from allauth.account.decorators import reauthentication_required
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from privacy.forms import AuditSearchForm, ErasureConfirmForm
from privacy.models import DataExport, Erasure
from privacy.selectors import audit_search, exports_of
from privacy.services.erasure import erasure_preview, person_erase
from privacy.services.exports import export_download_claim, export_request
from supervision.attachments import private_download
from supervision.audit import reads_of_material_of
from supervision.forms import apply_errors
from supervision.idempotency import create_once
from supervision.models import User
from supervision.views.access import administrator_required

PAGE_SIZE = 50


# --- One's own data ---------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
@reauthentication_required(allow_get=True)
def export(request):
    """The person's exports; a POST (after re-authentication) starts one, once per form key."""
    if request.method == "POST":
        prepared = create_once(request, lambda: export_request(person=request.user))
        if prepared.in_progress:
            messages.success(
                request, "Your export is being prepared; this page shows how far it is."
            )
        return redirect("privacy:export")
    return render(request, "privacy/export.html", {"exports": exports_of(request.user)})


def _own_export(request, pk) -> DataExport:
    # Someone else's export does not exist as far as anyone else can tell, administrators included.
    return get_object_or_404(DataExport, pk=pk, person=request.user)


@login_required
@require_GET
def export_status(request, pk):
    """The progress of one export (htmx polls it while the export is being prepared)."""
    return render(request, "privacy/includes/_export.html", {"export": _own_export(request, pk)})


@login_required
@require_GET
def export_download(request, pk):
    prepared = _own_export(request, pk)
    try:
        prepared = export_download_claim(export=prepared)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("privacy:export")
    response = private_download(
        prepared.file, f"cbt-supervision-export-{prepared.pk}.zip", "application/zip"
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_GET
def reads(request):
    page = Paginator(reads_of_material_of(request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "privacy/reads.html", {"page": page})


# --- Administrators ---------------------------------------------------------------------------


@administrator_required
@require_GET
def audit(request):
    form = AuditSearchForm(request.GET or None)
    records = audit_search(**form.cleaned_data) if form.is_valid() else audit_search()
    page = Paginator(records, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request, "privacy/audit.html", {"form": form, "page": page, "query": query.urlencode()}
    )


@administrator_required
@require_http_methods(["GET", "POST"])
def erase(request, pk):
    person = get_object_or_404(User, pk=pk)
    if hasattr(person, "erasure"):
        return redirect("privacy:erasure", pk=person.erasure.pk)
    form = ErasureConfirmForm(request.POST or None, person=person)
    if request.method == "POST":
        if form.is_valid():
            return _erase_confirmed(request, person, form)
        return _erase_page(request, person, form, status=400)
    return _erase_page(request, person, form)


def _erase_page(request, person, form, status=200):
    lines, refusals = erasure_preview(person=person, actor=request.user)
    context = {"person": person, "form": form, "lines": lines, "refusals": refusals}
    return render(request, "privacy/erase.html", context, status=status)


@reauthentication_required
def _erase_confirmed(request, person, form):
    name = person.name
    try:
        erasure = person_erase(person=person, actor=request.user)
    except ValidationError as error:
        apply_errors(form, error)
        return _erase_page(request, person, form, status=400)
    messages.success(request, f"{name} was erased. The report below says what was kept and why.")
    return redirect("privacy:erasure", pk=erasure.pk)


@administrator_required
@require_GET
def erasure(request, pk):
    report = get_object_or_404(Erasure.objects.select_related("person", "erased_by"), pk=pk)
    return render(request, "privacy/erasure.html", {"erasure": report})


@administrator_required
@require_http_methods(["GET", "POST"])
def wagtail_user_delete(request, pk):
    """The Wagtail admin's "Delete user" goes through the same erasure, never a bare delete."""
    if not str(pk).isdigit():
        raise Http404("No such person.")
    return redirect("privacy:erase", pk=int(pk))
