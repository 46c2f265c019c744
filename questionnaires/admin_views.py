"""Wagtail admin view: import licensed questionnaire items from a CSV file into a template's draft."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages

from questionnaires.csv_import import MAX_BYTES, ImportReport, LineProblem
from questionnaires.forms import ItemsImportForm
from questionnaires.services import ItemsImport, questionnaire_items_import
from worksheets.models import WorksheetTemplate
from worksheets.permissions import worksheet_template_policy


def _template(request, pk) -> WorksheetTemplate:
    """A template the person may change; one they cannot see answers 404, like the edit view."""
    visible = worksheet_template_policy.instances_user_has_any_permission_for(
        request.user, ["view"]
    )
    template = visible.filter(pk=unquote(str(pk))).first()
    if template is None:
        raise Http404
    if not worksheet_template_policy.user_has_permission_for_instance(
        request.user, "change", template
    ):
        raise PermissionDenied
    return template


def edit_url(template: WorksheetTemplate) -> str:
    return reverse(WorksheetTemplate.snippet_viewset.get_url_name("edit"), args=[template.pk])


def import_items(request, pk):
    template = _template(request, pk)
    draft = template.get_latest_revision_as_object()
    authored = draft.read_questionnaire()
    lock = template.get_lock()
    locked = bool(lock and lock.for_user(request.user))
    outcome = None
    status = 200
    if request.method == "POST" and not locked:
        form = ItemsImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            if upload.size > MAX_BYTES:
                # Refused before reading, so a huge upload costs nothing but its size.
                outcome = ItemsImport(
                    ImportReport(
                        items=(),
                        problems=(
                            LineProblem(
                                None,
                                f"The file is {upload.size:,} bytes; at most {MAX_BYTES:,} can "
                                "be imported at once. Nothing was imported.",
                            ),
                        ),
                    )
                )
            else:
                outcome = questionnaire_items_import(
                    template=template, data=upload.read(), user=request.user
                )
            if outcome.ok:
                messages.success(
                    request,
                    f"Imported {outcome.added} items into the draft of “{template.title}”. "
                    "Check them, then publish.",
                )
                for note in outcome.report.notes:
                    messages.info(request, note)
                return redirect(edit_url(template))
        status = 400
    elif request.method == "POST":
        status = 409
        form = ItemsImportForm()
    else:
        form = ItemsImportForm()
    context = {
        "template": template,
        "form": form,
        "outcome": outcome,
        "locked": locked,
        "scales": authored.questionnaire.scales if authored else (),
        "item_count": len(authored.questionnaire.items) if authored else 0,
        "edit_url": edit_url(template),
        "header_title": f"Import items: {template.title}",
        "page_title": "Import questionnaire items",
        "page_subtitle": template.title,
        "header_icon": "doc-full",
    }
    return TemplateResponse(
        request, "questionnaires/admin/import_items.html", context, status=status
    )
