"""Asking for an export, watching it being built, and downloading it (its owner only)."""

from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_POST

from exports import documents
from exports.models import Export
from exports.selectors import exports_of
from exports.services import export_request
from supervision.viewer import object_for


@login_required
@require_POST
def export_create(request, document):
    """Queue an export of a registered document; the document checks the person may have it."""
    try:
        kind = documents.get(document)
    except KeyError:
        raise Http404("No such document.") from None
    params = kind.params_from(request.POST)
    title = kind.authorize(request, params)
    export = export_request(owner=request.user, document=kind.key, params=params, title=title)
    return redirect("exports:export_detail", pk=export.pk)


@login_required
@require_GET
def export_list(request):
    return render(request, "exports/list.html", {"exports": exports_of(request.user)[:50]})


@login_required
@require_GET
def export_detail(request, pk):
    """The export's progress; htmx asks again every two seconds until it is finished."""
    export = object_for(request, Export.objects.all(), pk, view="view_export")
    template = (
        "exports/includes/_progress.html"
        if request.headers.get("HX-Request")
        else "exports/detail.html"
    )
    return render(request, template, {"export": export})


@login_required
@require_GET
def export_download(request, pk):
    """The PDF, shown in the browser (a phone opens it in its viewer) with a name to save it by."""
    export = object_for(request, Export.objects.all(), pk, view="view_export")
    if export.status != Export.Status.DONE or not export.file:
        raise Http404("This export is not ready.")
    try:
        handle = export.file.open("rb")
    except FileNotFoundError:
        raise Http404("This export's file is missing.") from None
    response = FileResponse(
        handle, as_attachment=False, filename=export.filename, content_type="application/pdf"
    )
    response["Cache-Control"] = "private, no-store"
    return response
