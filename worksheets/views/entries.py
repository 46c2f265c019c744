"""Completing, reading, printing, sharing and listing one's own worksheet entries."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from supervision.audit import read_record, reads_of
from supervision.forms import apply_errors
from supervision.models import User
from supervision.panels import panels_for
from supervision.viewer import object_for, object_held, viewer_for
from worksheets.forms.builder import build_worksheet_form
from worksheets.forms.entries import (
    EntryControlsForm,
    EntryFilterForm,
    EntrySessionForm,
    EntrySharingForm,
)
from worksheets.models import Entry, EntryUserObjectPermission
from worksheets.models.entries import REFLECTION_MAX_LENGTH
from worksheets.presenters import shown_elements
from worksheets.selectors.entries import (
    entries_of,
    entry_resubmissions,
    entry_template_titles,
    own_entry_with_links,
    supervisors_of,
)
from worksheets.services import entries as services
from worksheets.services.entries import EntryConflict, EntryNotEditable, entry_readers

ALREADY_SUBMITTED = "This entry has already been submitted, so it can no longer be changed."
CLOSED = (
    "This draft is closed: the homework it belongs to ended with its supervision, so it can "
    "be read but no longer changed or handed in."
)


def _closed(request, entry: Entry) -> bool:
    """A draft (or reopened entry) whose author may no longer change it.

    The permission is taken back by the feature that owns the entry (homework, when its
    supervision ends); the engine only reads it, so every write path below refuses alike.
    """
    return entry.is_editable and not viewer_for(request).has_perm("change_entry", entry)


ENTRIES = Entry.objects.select_related("template_version", "author", "subject")
OWN_ENTRIES = Entry.objects.select_related("template_version", "subject")


def _entry(request, pk, perm: str = "view_entry") -> Entry:
    """The entry if the person holds the permission on it; anyone else gets a 404."""
    return object_for(request, ENTRIES, pk, view=perm)


def _own_entry(request, pk, perm: str = "view_entry", *, links: bool = False) -> Entry:
    """One of the person's own entries, with the person's permissions on it (one query); someone
    else's is a 404 even to a reader.

    ``links``: with what other apps link to it (``own_entry_with_links``), for a page that
    hands it in; the person rated (a rating's) is then read only to word the reply.
    """
    # The author is the person asking: not joined and read again with the entry.
    if links:
        entry = object_held(request, own_entry_with_links(request.user, pk), view=perm)
    else:
        entry = object_for(request, OWN_ENTRIES.filter(author=request.user), pk, view=perm)
    entry.author = request.user
    return entry


@login_required
@require_GET
def entry_list(request):
    titles = entry_template_titles(request.user)
    filters = EntryFilterForm(request.GET or None, template_choices=[(t, t) for t in titles])
    criteria = filters.cleaned_data if filters.is_bound and filters.is_valid() else {}
    entries = entries_of(
        request.user,
        search=criteria.get("q", ""),
        template=criteria.get("template", ""),
        status=criteria.get("status", ""),
        sharing=criteria.get("sharing", ""),
        date_from=criteria.get("date_from"),
        date_to=criteria.get("date_to"),
    )
    context = {
        "entries": entries,
        "filters": filters,
        "filtered": bool(criteria and any(criteria.values())),
    }
    return render(request, "worksheets/entry_list.html", context)


def _edit_context(request, entry, form, controls, *, conflict=None):
    # What the entry is for, from the features above the engine (homework: its plan).
    context_panels = panels_for("entry.context", request, entry=entry)
    back = next((panel.context for panel in context_panels if "back_url" in panel.context), None)
    # Who will read it once handed in, said by the feature that decides it (homework: the supervisor).
    readers = next(
        (panel.context["readers"] for panel in context_panels if "readers" in panel.context), None
    )
    return {
        "entry": entry,
        "version": entry.template_version,
        "form": form,
        "controls": controls,
        "conflict": conflict,
        "context_panels": context_panels,
        "back": back,
        "readers": readers,
    }


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request, pk):
    # Read with its links: the apps that react to a hand-in find theirs on the entry (no query
    # for an app it has none with), and so does the redirect to its homework below.
    entry = _own_entry(request, pk, links=request.method == "POST")
    if not entry.is_editable:
        messages.info(request, ALREADY_SUBMITTED)
        return redirect("worksheets:entry_detail", pk=entry.pk)
    if _closed(request, entry):
        messages.info(request, CLOSED)
        return redirect("worksheets:entry_detail", pk=entry.pk)
    definition, questionnaire = entry.definition, entry.questionnaire

    if request.method == "GET":
        form = build_worksheet_form(definition, questionnaire, initial=entry.get_data())
        controls = EntryControlsForm(
            initial={
                "reflection": entry.reflection,
                "version": entry.version,
                "session": uuid.uuid4().hex,
            }
        )
        return render(
            request, "worksheets/entry_edit.html", _edit_context(request, entry, form, controls)
        )

    form = build_worksheet_form(definition, questionnaire, data=request.POST)
    controls = EntryControlsForm(request.POST)
    submitting = request.POST.get("action") == "submit"
    if submitting:
        controls_valid, form_valid = controls.is_valid(), form.is_valid()
        valid = controls_valid and form_valid
    else:
        valid = _draft_valid(form, controls)
    if not valid:
        return render(
            request,
            "worksheets/entry_edit.html",
            _edit_context(request, entry, form, controls),
            status=400,
        )
    service = services.entry_submit if submitting else services.entry_save_draft
    answers = form.answers() if submitting else form.typed_answers()
    try:
        entry = service(
            entry=entry,
            answers=answers,
            reflection=controls.cleaned_data["reflection"],
            expected_version=controls.cleaned_data["version"],
            session=controls.cleaned_data["session"],
        )
    except EntryNotEditable:
        messages.info(request, ALREADY_SUBMITTED)
        return redirect("worksheets:entry_detail", pk=entry.pk)
    except ValidationError as error:
        # A questionnaire answer the scoring refuses: shown beside its question, nothing saved.
        apply_errors(form, error)
        return render(
            request,
            "worksheets/entry_edit.html",
            _edit_context(request, entry, form, controls),
            status=400,
        )
    except EntryConflict as conflict:
        # Show what this tab typed, without validation errors, next to a clear explanation.
        typed = build_worksheet_form(definition, questionnaire, initial=form.typed_answers())
        return render(
            request,
            "worksheets/entry_edit.html",
            _edit_context(request, conflict.entry, typed, controls, conflict=conflict),
            status=409,
        )
    if submitting:
        occurrence = getattr(entry, "occurrence", None)
        if occurrence is not None:
            messages.success(request, "Handed in. Your supervisor can now read it.")
            return redirect("homework:assignment_detail", pk=occurrence.assignment_id)
        messages.success(request, _submitted_message(entry))
        return redirect("worksheets:entry_detail", pk=entry.pk)
    messages.success(request, "Draft saved.")
    return redirect("worksheets:entry_edit", pk=entry.pk)


def _submitted_message(entry: Entry) -> str:
    if entry.is_rating:
        return f"Submitted. {entry.subject.name} will see this rating once you release it below."
    if entry.result:
        return (
            "Submitted. Your results are below; they stay private until you choose to share them."
        )
    return "Submitted. This entry is private to you until you choose to share it."


def _draft_valid(form, controls) -> bool:
    """A draft is saved whatever was typed, as long as the page itself is genuine."""
    unexpected = form.unexpected_keys()
    if unexpected:
        form.is_valid()  # the form's own check reports the unexpected keys
        return False
    if form.too_long():
        form.is_valid()  # each answer's limit is reported beside its question
        controls.is_valid()
        return False
    return controls.is_valid()


@login_required
@require_POST
def entry_autosave(request, pk):
    try:
        entry = _own_entry(request, pk)
    except Http404:
        return _autosave_reply(request, "missing", status=404)
    if not entry.is_editable:
        return _autosave_reply(request, "submitted", status=409)
    if _closed(request, entry):
        return _autosave_reply(request, "closed", status=409)
    form = build_worksheet_form(entry.definition, data=request.POST)
    session = EntrySessionForm(request.POST)
    if form.unexpected_keys() or not session.is_valid():
        return _autosave_reply(request, "invalid", status=400)
    too_long = _too_long(form, request.POST.get("reflection", ""))
    if too_long:
        return _autosave_reply(request, "too_long", problems=too_long, status=400)
    try:
        entry = services.entry_save_draft(
            entry=entry,
            answers=form.typed_answers(),
            reflection=request.POST.get("reflection", ""),
            expected_version=session.cleaned_data["version"],
            session=session.cleaned_data["session"],
        )
    except EntryNotEditable:
        return _autosave_reply(request, "submitted", status=409)
    except EntryConflict as conflict:
        return _autosave_reply(request, "conflict", entry=conflict.entry, status=409)
    return _autosave_reply(request, "saved", entry=entry)


def _too_long(form, reflection: str) -> list[str]:
    """What is longer than submitting would take, as sentences naming each question."""
    problems = [f"{form.fields[name].label}: {text}" for name, text in form.too_long().items()]
    if len(reflection) > REFLECTION_MAX_LENGTH:
        problems.append(
            f"Free reflection: it is {len(reflection):,} characters long; it can take at most "
            f"{REFLECTION_MAX_LENGTH:,}."
        )
    return problems


def _autosave_reply(request, state, *, entry=None, status=200, problems=()):
    context = {"state": state, "entry": entry, "now": timezone.localtime(), "problems": problems}
    return render(request, "worksheets/includes/_autosave_status.html", context, status=status)


@login_required
@require_GET
def entry_detail(request, pk):
    entry = _entry(request, pk)
    is_author = entry.author_id == request.user.pk
    closed = False
    if entry.is_editable:
        # Drafts are only ever their author's, and the author reads them on the edit page,
        # unless the draft is closed: then it is read here, with nothing offered to change it.
        if not is_author:
            raise Http404
        closed = _closed(request, entry)
        if not closed:
            return redirect("worksheets:entry_edit", pk=entry.pk)
    read_record(request, entry, owner_id=entry.author_id)
    context = {
        "entry": entry,
        "elements": shown_elements(entry.definition, entry.get_data()),
        "is_author": is_author,
        "closed": closed,
        "closed_note": CLOSED,
        "resubmissions": entry_resubmissions(entry),
    }
    if is_author:
        context["reads"] = reads_of(entry)
    if is_author and not entry.is_rating and not closed:
        context["readers"] = entry_readers(entry)
        context["sharing_form"] = EntrySharingForm(
            supervisors=_sharing_candidates(entry), initial={"supervisors": context["readers"]}
        )
    return render(request, "worksheets/entry_detail.html", context)


@login_required
@require_GET
def entry_print(request, pk):
    entry = _entry(request, pk)
    if entry.is_editable and entry.author_id != request.user.pk:
        raise Http404
    read_record(request, entry, owner_id=entry.author_id)
    context = {
        "entry": entry,
        "elements": shown_elements(entry.definition, entry.get_data()),
    }
    return render(request, "worksheets/entry_print.html", context)


def _sharing_candidates(entry: Entry):
    readers = EntryUserObjectPermission.objects.filter(
        content_object=entry, permission__codename="view_entry"
    ).exclude(user_id=entry.author_id)
    current = supervisors_of(entry.author).values("pk")
    return (
        User.objects.filter(Q(pk__in=current) | Q(pk__in=readers.values("user_id")))
        .distinct()
        .order_by("display_name", "email")
    )


@login_required
@require_POST
def entry_sharing(request, pk):
    entry = _own_entry(request, pk)
    if entry.is_editable or entry.is_rating:
        raise Http404
    candidates = _sharing_candidates(entry)
    form = EntrySharingForm(request.POST, supervisors=candidates)
    if form.is_valid():
        chosen = list(form.cleaned_data["supervisors"])
        try:
            services.entry_sharing_set(
                entry=entry, supervisors=chosen, allowed=supervisors_of(entry.author)
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            if chosen:
                names = ", ".join(person.name for person in chosen)
                messages.success(request, f"Shared with {names}.")
            else:
                messages.success(request, "This entry is private again: only you can read it.")
            return redirect("worksheets:entry_detail", pk=entry.pk)
    context = {
        "entry": entry,
        "elements": shown_elements(entry.definition, entry.get_data()),
        "is_author": True,
        "reads": reads_of(entry),
        "readers": entry_readers(entry),
        "sharing_form": form,
    }
    return render(request, "worksheets/entry_detail.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def entry_discard(request, pk):
    entry = _own_entry(request, pk, "delete_entry")
    if request.method == "POST":
        try:
            kept = services.entry_discard(entry=entry)
        except EntryNotEditable:
            messages.info(request, ALREADY_SUBMITTED)
            return redirect("worksheets:entry_detail", pk=entry.pk)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("worksheets:entry_edit", pk=entry.pk)
        if kept is not None:
            messages.success(
                request, "Your changes were discarded: the answers you last handed in are back."
            )
            return redirect("worksheets:entry_edit", pk=entry.pk)
        messages.success(request, f"The draft of “{entry.display_title}” was deleted.")
        return redirect("worksheets:entry_list")
    handed_in = entry.submitted_at is not None
    return render(
        request, "worksheets/entry_discard.html", {"entry": entry, "handed_in": handed_in}
    )
