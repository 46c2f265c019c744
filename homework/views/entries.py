"""Doing homework: the due list, starting an occurrence's entry, and reopening a handed-in entry."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from homework.models import EntryAttachment, Occurrence
from homework.presenters import due_rows
from homework.selectors import due_list_for, proposals_awaiting
from homework.services.entries import entry_attachment_add as entry_attachment_add_service
from homework.services.entries import entry_attachment_remove as entry_attachment_remove_service
from homework.services.entries import entry_reopen, occurrence_entry_start
from supervision import panels
from supervision.attachments import private_download
from supervision.audit import read_record
from supervision.idempotency import create_once
from supervision.page_parts import rendered_part
from supervision.viewer import object_for, viewer_for
from worksheets.models import Entry


@login_required
@require_GET
def due_list(request):
    content = rendered_part(request, "homework/includes/_due_list_content.html", _due_list_context)
    return render(request, "homework/due_list.html", {"content": content})


def _due_list_context(request) -> dict:
    today = timezone.localdate()
    context = {"due": due_rows(due_list_for(request.user, today=today)), "today": today}
    context["proposals"] = proposals_awaiting(request.user)
    context["panels"] = panels.panels_for("homework.due", request)
    return context


@login_required
@require_POST
def occurrence_start(request, pk: int):
    occurrence = object_for(
        request,
        Occurrence.objects.select_related("assignment__supervision"),
        pk,
        view="view_assignment",
        need="work_on_assignment",
        of=lambda occurrence: occurrence.assignment,
    )
    try:
        entry = occurrence_entry_start(occurrence=occurrence, author=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("homework:assignment_detail", occurrence.assignment_id)
    if entry.is_editable:
        return redirect("worksheets:entry_edit", pk=entry.pk)
    return redirect("worksheets:entry_detail", pk=entry.pk)


@login_required
@require_POST
def entry_reopen_view(request, pk: int):
    # Only a homework entry is reopened here; the supervisor reads it and changes the homework.
    entry = object_for(
        request, Entry.objects.filter(occurrence__isnull=False), pk, view="view_entry"
    )
    occurrence = Occurrence.objects.select_related("assignment__supervision").get(entry=entry)
    if not viewer_for(request).has_perm("change_assignment", occurrence.assignment):
        raise PermissionDenied
    was_submitted = entry.status == Entry.Status.SUBMITTED
    try:
        entry_reopen(entry=entry, supervisor=request.user, note=request.POST.get("note", ""))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if was_submitted:
            messages.success(request, "Reopened for revision; your note was sent with it.")
        else:
            # Reopened in another tab (or a double click): this note was not sent.
            messages.info(request, "This entry was already reopened for revision.")
    return redirect("homework:assignment_detail", occurrence.assignment_id)


def _entry_attachment(request, pk: int) -> EntryAttachment:
    return object_for(
        request,
        EntryAttachment.objects.select_related("entry"),
        pk,
        view="view_entry",
        of=lambda attachment: attachment.entry,
    )


@login_required
@require_POST
def entry_attachment_add(request, pk: int):
    entry = object_for(
        request, Entry.objects.filter(occurrence__isnull=False), pk, view="view_entry"
    )
    occurrence = entry.occurrence
    upload = request.FILES.get("file")
    if upload is None:
        messages.error(request, "Choose a file to attach.")
    else:
        try:
            create_once(
                request,
                lambda: entry_attachment_add_service(
                    entry=entry, author=request.user, upload=upload
                ),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, f"Attached “{upload.name}”.")
    return redirect("homework:assignment_detail", occurrence.assignment_id)


@login_required
@require_GET
def entry_attachment_download(request, pk: int):
    attachment = _entry_attachment(request, pk)
    read_record(request, attachment, owner_id=attachment.entry.author_id)
    return private_download(attachment.file, attachment.name, attachment.content_type)


@login_required
@require_POST
def entry_attachment_remove(request, pk: int):
    attachment = _entry_attachment(request, pk)
    occurrence = Occurrence.objects.filter(entry_id=attachment.entry_id).first()
    try:
        entry_attachment_remove_service(attachment=attachment, author=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, f"Removed “{attachment.name}”.")
    return redirect("homework:assignment_detail", occurrence.assignment_id)
