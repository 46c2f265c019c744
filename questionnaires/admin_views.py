"""Wagtail admin view: import licensed questionnaire items from a CSV file into a template's draft."""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin import messages
from wagtail.models import Revision

from questionnaires.csv_import import MAX_UPLOAD_BYTES, ImportReport, LineProblem
from questionnaires.forms import ItemsImportForm
from questionnaires.services import ItemsImport, questionnaire_items_import
from supervision.idempotency import create_once
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


class _NotImported(Exception):
    """Raised inside ``create_once`` so a refused file leaves the one-time key unused."""

    def __init__(self, outcome: ItemsImport):
        super().__init__("not imported")
        self.outcome = outcome


def _too_large(size: int) -> ItemsImport:
    problem = LineProblem(
        None,
        f"The file is {size:,} bytes; at most {MAX_UPLOAD_BYTES:,} can be read. "
        "Nothing was imported.",
    )
    return ItemsImport(ImportReport(items=(), problems=(problem,)))


def import_items(request, pk):
    """The import form; a valid file adds its items to the draft once, however often it is sent.

    The form carries a one-time key (``supervision.idempotency.create_once``, which records the
    draft revision the import saved): a second POST with the same key, in a row or at the same
    moment, imports nothing and answers with the same redirect.
    """
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
            imported = []

            def run() -> Revision:
                # Refused before reading, so a huge upload costs nothing but its size.
                result = (
                    _too_large(upload.size)
                    if upload.size > MAX_UPLOAD_BYTES
                    else questionnaire_items_import(
                        template=template, data=upload.read(), user=request.user
                    )
                )
                if not result.ok:
                    raise _NotImported(result)
                imported.append(result)
                return result.revision

            try:
                create_once(request, run)
            except _NotImported as refusal:
                outcome = refusal.outcome
                form.fields["file"].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": "import-report"}
                )
            else:
                if imported:
                    outcome = imported[0]
                    messages.success(
                        request,
                        f"Imported {outcome.added} items into the draft of “{template.title}”. "
                        "Check them, then publish.",
                    )
                    for note in outcome.report.notes:
                        messages.info(request, note)
                else:
                    messages.info(request, "These items were already imported; nothing was added.")
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
