"""The entry-with-feedback page and the actions on it; htmx swaps parts, plain POSTs reload the page."""

from dataclasses import dataclass, field
from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from feedback import services
from feedback.forms import FeedbackEditForm, FeedbackForm, ReplyForm
from feedback.models import Feedback, FeedbackRevision
from feedback.permissions import may_give_feedback
from feedback.presenters import awaiting_rows
from feedback.selectors import (
    WHOLE_ENTRY,
    awaiting_listed,
    entries_awaiting_feedback,
    feedback_visible_to,
    threads_for_entry,
)
from feedback.services import FeedbackConflict, feedback_page_url
from supervision.attachments import private_download
from supervision.audit import read_record
from supervision.forms import apply_errors
from supervision.idempotency import create_once
from supervision.page_parts import rendered_part
from supervision.viewer import Held, object_for, viewer_for
from worksheets.definitions import answer_fields
from worksheets.models import Entry
from worksheets.presenters import ShownElement, shown_elements

WHOLE_ENTRY_LABEL = "the whole entry"
# Up to this many answers, each has its comment form in the page. A longer entry (a 40-item
# questionnaire) gets each answer's form when "Add a comment" is opened (htmx, or a link to the
# page with that form open): forty forms were most of the page's time (issue 11).
FORMS_AT_ONCE = 10
# The oldest entries first: what a supervisor works through in one sitting.
AWAITING_PER_PAGE = 25
UNKNOWN_QUESTION = (
    "This comment points to a question that is not in this worksheet; nothing was saved."
)


def _htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


# --- Looking things up: 404 for what a person may not see, 403 for what they may not change ----


# Feedback lives with a submitted entry the person can read; drafts are their author's only.


# The entry page is read most of all: its query is written once per process.
HANDED_IN = Held(
    Entry.objects.exclude(status=Entry.Status.DRAFT).select_related("template_version", "author")
)


def _entry(request, entry_pk: int) -> Entry:
    return object_for(request, HANDED_IN, entry_pk, view="view_entry")


def _feedback(request, pk: int, perm: str = "view_feedback") -> Feedback:
    feedback = object_for(
        request,
        Feedback.objects.exclude(entry__status=Entry.Status.DRAFT).select_related(
            "entry__template_version", "entry__author", "author"
        ),
        pk,
        view="view_entry",
        of=lambda feedback: feedback.entry,
    )
    viewer_for(request).require(
        feedback, view="view_feedback", need=None if perm == "view_feedback" else perm
    )
    return feedback


# --- Building the page ---------------------------------------------------------------------


@dataclass
class Section:
    """One question with its answer and its comments, or the entry as a whole (anchor "")."""

    anchor: str
    label: str
    # A question's answer (``answer``), or the heading or help text between questions (``shown``).
    answer: ShownElement | None = None
    shown: list[ShownElement] = field(default_factory=list)
    comments: list[Feedback] = field(default_factory=list)
    form: FeedbackForm | None = None
    # A long entry's answers get their comment form when it is opened (see FORMS_AT_ONCE):
    # the address that opens it, worked out here once per page rather than reversed by the
    # template for each of forty answers (issue 11).
    later_url: str = ""
    opened: bool = False
    # The page names a thread three or four times (its element id, htmx targets): escaped here
    # once rather than by the template at each use (issue 11: forty answers).
    key: str = field(init=False)

    def __post_init__(self):
        self.key = escape(self.anchor or "entry")


def _labels(entry: Entry) -> dict[str, str]:
    return {item["name"]: item["label"] for item in answer_fields(entry.definition)}


def _form_label(label: str) -> str:
    return f"Comment on {label}" if label == WHOLE_ENTRY_LABEL else f"Comment on “{label}”"


def _new_form(anchor: str, label: str, data=None, files=None) -> FeedbackForm:
    return FeedbackForm(data, files, anchor=anchor, label=_form_label(label))


def _decorate(request, entry: Entry, comments: list[Feedback], reply_forms: dict) -> None:
    """What the person may do with each comment, from one prefetch of their permissions."""
    viewer = viewer_for(request)
    viewer.prefetch(comments)
    parties = {entry.author_id}
    for comment in comments:
        comment.can_change = viewer.has_perm("change_feedback", comment)
        comment.can_delete = comment.is_draft and viewer.has_perm("delete_feedback", comment)
        comment.can_reply = comment.is_released and request.user.pk in parties | {comment.author_id}
        comment.reply_form = None
        if comment.can_reply:
            comment.reply_form = reply_forms.get(comment.pk) or ReplyForm(feedback=comment)


def _sections(request, entry: Entry, *, forms=None, reply_forms=None, opened: str | None = None):
    """The page's sections; ``opened`` names the answer whose comment form is asked for."""
    forms, reply_forms = forms or {}, reply_forms or {}
    threads = threads_for_entry(entry, request.user)
    _decorate(request, entry, [c for thread in threads.values() for c in thread], reply_forms)
    may_comment = may_give_feedback(viewer_for(request), entry)
    show_answers = entry.status == Entry.Status.SUBMITTED or entry.author_id == request.user.pk
    answers = entry.get_data() if show_answers else {}
    sections = []
    shown_all = shown_elements(entry.definition, answers)
    later = sum(1 for shown in shown_all if shown.kind == "answer") > FORMS_AT_ONCE
    entry_url = reverse("feedback:entry_feedback", args=[entry.pk])
    for element, shown in zip(entry.definition, shown_all, strict=True):
        anchor = element.get("name", "") if shown.kind == "answer" else ""
        if not anchor:
            sections.append(Section(anchor="", label=shown.label, shown=[shown]))
            continue
        section = Section(anchor=anchor, label=shown.label, answer=shown)
        section.comments = threads.get(anchor, [])
        section.opened = anchor == opened
        if may_comment and (anchor in forms or section.opened or not later):
            section.form = forms.get(anchor) or _new_form(anchor, shown.label)
        elif may_comment:
            # As the template's urlencode filter quotes it.
            section.later_url = escape(f"{entry_url}?comment={quote(anchor)}")
        sections.append(section)
    whole = Section(anchor=WHOLE_ENTRY, label=WHOLE_ENTRY_LABEL)
    whole.comments = threads.get(WHOLE_ENTRY, [])
    if may_comment:
        whole.form = forms.get(WHOLE_ENTRY) or _new_form(WHOLE_ENTRY, WHOLE_ENTRY_LABEL)
    return sections, whole, threads, may_comment, show_answers


def _summary(request, entry: Entry, threads: dict) -> dict:
    comments = [c for thread in threads.values() for c in thread]
    mine = [c for c in comments if c.author_id == request.user.pk]
    return {
        "released": sum(1 for c in comments if c.is_released),
        "my_drafts": sum(1 for c in mine if c.is_draft),
        "total": len(comments),
    }


def _page_context(request, entry: Entry, **overrides) -> dict:
    """What the page shows; ``overrides`` go to ``_sections`` (forms, reply_forms, opened)."""
    sections, whole, threads, may_comment, show_answers = _sections(request, entry, **overrides)
    return {
        "entry": entry,
        "is_author": entry.author_id == request.user.pk,
        "may_comment": may_comment,
        "show_answers": show_answers,
        "sections": sections,
        "whole": whole,
        "summary": _summary(request, entry, threads),
        # Each thread's status line is for the replies to htmx; said empty here so the template
        # does not look for it (and fail) once per answer.
        "note": "",
    }


# The entry's page below its title: a page part (entry_feedback), or built again with a refused
# form kept as typed (_page).
ENTRY_CONTENT = "feedback/includes/_entry_feedback_content.html"


def _page(request, entry: Entry, status: int = 200, **overrides):
    """The page again, e.g. with a refused form kept as typed: built for this request."""
    content = render_to_string(
        ENTRY_CONTENT,
        _page_context(request, entry, **overrides),
        request,
    )
    return _shell(request, entry, mark_safe(content), status)


def _shell(request, entry: Entry, content, status: int = 200):
    context = {"entry": entry, "content": content}
    return render(request, "feedback/entry_feedback.html", context, status=status)


def _section_for(request, entry: Entry, anchor: str, form: FeedbackForm | None = None):
    context = _page_context(
        request, entry, forms={anchor: form} if form else None, opened=anchor or None
    )
    if anchor == WHOLE_ENTRY:
        return context, context["whole"]
    for section in context["sections"]:
        if section.anchor == anchor:
            return context, section
    raise Http404


def _comment(request, feedback: Feedback, reply_form: ReplyForm | None = None) -> Feedback:
    """One comment again with its thread, as the person sees it now."""
    comment = feedback_visible_to(request.user, feedback.entry).get(pk=feedback.pk)
    comment.entry = feedback.entry
    _decorate(request, feedback.entry, [comment], {comment.pk: reply_form} if reply_form else {})
    return comment


def _comment_response(
    request, feedback: Feedback, *, status=200, reply_form=None, note="", error=""
):
    entry = feedback.entry
    threads = threads_for_entry(entry, request.user)
    context = {
        "entry": entry,
        "is_author": entry.author_id == request.user.pk,
        "comment": _comment(request, feedback, reply_form),
        "summary": _summary(request, entry, threads),
        "may_comment": may_give_feedback(viewer_for(request), entry),
        "oob_summary": True,
        "note": note,
        "error": error,
    }
    return render(request, "feedback/includes/_comment_response.html", context, status=status)


# --- Pages ---------------------------------------------------------------------------------


@login_required
@require_GET
def entry_feedback(request, entry_pk: int):
    entry = _entry(request, entry_pk)
    read_record(request, entry, owner_id=entry.author_id)
    opened = request.GET.get("comment") or None
    content = rendered_part(
        request,
        ENTRY_CONTENT,
        lambda request: _page_context(request, entry, opened=opened),
    )
    return _shell(request, entry, content)


@login_required
@require_GET
def awaiting_feedback(request):
    """The supervisor's feedback inbox, oldest first, ``AWAITING_PER_PAGE`` entries a page.

    Paged so that the page costs the same with a backlog of any size (issue 11: it listed every
    entry, 51 on the benchmark's middle tier); the dashboard shows the oldest few and links here.
    """
    return render(
        request,
        "feedback/awaiting.html",
        {
            "content": rendered_part(
                request, "feedback/includes/_awaiting_content.html", _awaiting_context
            )
        },
    )


def _awaiting_context(request) -> dict:
    pks = entries_awaiting_feedback(request.user).values_list("pk", flat=True)
    page = Paginator(pks, AWAITING_PER_PAGE).get_page(request.GET.get("page"))
    entries = awaiting_rows(awaiting_listed(request.user, list(page.object_list)))
    return {"entries": entries, "page": page}


@login_required
@require_POST
def feedback_add(request, entry_pk: int):
    entry = _entry(request, entry_pk)
    if not may_give_feedback(viewer_for(request), entry):
        raise Http404
    labels = _labels(entry)
    anchor = request.POST.get("anchor", "")
    if anchor != WHOLE_ENTRY and anchor not in labels:
        # Only a tampered page names a question the worksheet does not have.
        messages.error(request, UNKNOWN_QUESTION)
        return _page(request, entry, status=400)
    label = labels.get(anchor, WHOLE_ENTRY_LABEL)
    form = _new_form(anchor, label, request.POST, request.FILES)
    if form.is_valid():
        try:
            feedback = create_once(
                request,
                lambda: services.feedback_create(
                    entry=entry,
                    author=request.user,
                    body=form.cleaned_data["body"],
                    anchor=anchor,
                    attachment=form.cleaned_data["attachment"],
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            note = f"Draft saved. {entry.author.name} will see it once you release it."
            if _htmx(request):
                context, section = _section_for(request, entry, anchor)
                context.update(section=section, note=note, oob_summary=True)
                return render(request, "feedback/includes/_thread_response.html", context)
            messages.success(request, note)
            return redirect(feedback_page_url(entry, feedback))
    if _htmx(request):
        context, section = _section_for(request, entry, anchor, form)
        context.update(section=section)
        return render(request, "feedback/includes/_thread_response.html", context, status=400)
    return _page(request, entry, status=400, forms={anchor: form})


def _edit_context(feedback: Feedback, form: FeedbackEditForm, conflict=None) -> dict:
    labels = _labels(feedback.entry)
    return {
        "entry": feedback.entry,
        "comment": feedback,
        "form": form,
        "conflict": conflict,
        "label": labels.get(feedback.anchor, WHOLE_ENTRY_LABEL),
    }


@login_required
@require_http_methods(["GET", "POST"])
def feedback_edit(request, pk: int):
    feedback = _feedback(request, pk, "change_feedback")
    template = (
        "feedback/includes/_comment_edit.html" if _htmx(request) else "feedback/feedback_edit.html"
    )
    if request.method == "GET":
        form = FeedbackEditForm(feedback=feedback)
        return render(request, template, _edit_context(feedback, form))
    form = FeedbackEditForm(request.POST, request.FILES, feedback=feedback)
    if form.is_valid():
        try:
            feedback = services.feedback_update(
                feedback=feedback,
                editor=request.user,
                body=form.cleaned_data["body"],
                expected_version=form.cleaned_data["version"],
                attachment=form.cleaned_data["attachment"],
                remove_attachment=form.cleaned_data.get("remove_attachment", False),
            )
        except FeedbackConflict as conflict:
            # Keep what this tab typed; the next save is based on the version now shown.
            data = request.POST.copy()
            data["version"] = conflict.feedback.version
            current = _comment(request, conflict.feedback)
            form = FeedbackEditForm(data, feedback=conflict.feedback)
            form.is_valid()
            return render(request, template, _edit_context(current, form, conflict), status=409)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            note = "Changes saved."
            if feedback.is_released:
                note = "Changes saved; the earlier text is kept in the comment's history."
            if _htmx(request):
                return _comment_response(request, feedback, note=note)
            messages.success(request, note)
            return redirect(feedback_page_url(feedback.entry, feedback))
    return render(request, template, _edit_context(feedback, form), status=400)


@login_required
@require_POST
def feedback_release(request, pk: int):
    feedback = _feedback(request, pk, "change_feedback")
    was_released = feedback.is_released
    feedback = services.feedback_release(feedback=feedback, releaser=request.user)
    name = feedback.entry.author.name
    note = (
        "This comment was already released."
        if was_released
        else f"Released: {name} can now read this comment and has been notified."
    )
    if _htmx(request):
        return _comment_response(request, feedback, note=note)
    messages.success(request, note)
    return redirect(feedback_page_url(feedback.entry, feedback))


@login_required
@require_POST
def feedback_release_all(request, entry_pk: int):
    entry = _entry(request, entry_pk)
    viewer = viewer_for(request)
    owns_feedback = Feedback.objects.filter(entry=entry, author=request.user).exists()
    if not (may_give_feedback(viewer, entry) or owns_feedback):
        raise Http404
    released = services.feedback_release_all(entry=entry, releaser=request.user)
    if released:
        count = "1 comment" if len(released) == 1 else f"{len(released)} comments"
        messages.success(
            request,
            f"Released {count}: {entry.author.name} can now read them and has been notified.",
        )
    else:
        messages.info(request, "There were no drafts left to release.")
    return redirect(feedback_page_url(entry))


@login_required
@require_http_methods(["GET", "POST"])
def feedback_discard(request, pk: int):
    # Only drafts carry delete permission; it is revoked when a comment is released.
    feedback = _feedback(request, pk, "delete_feedback")
    if request.method == "GET":
        return render(request, "feedback/feedback_discard.html", _edit_context(feedback, None))
    entry = feedback.entry
    try:
        services.feedback_discard(feedback=feedback, discarder=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(feedback_page_url(entry, feedback))
    messages.success(request, "Draft deleted.")
    return redirect(feedback_page_url(entry))


@login_required
@require_POST
def feedback_reply(request, pk: int):
    feedback = _feedback(request, pk)
    if not feedback.is_released:
        # Only its supervisor can see a draft, and the thread under it opens on release.
        if _htmx(request):
            return _comment_response(request, feedback, status=400, error=services.NOT_RELEASED)
        messages.error(request, services.NOT_RELEASED)
        return _page(request, feedback.entry, status=400)
    form = ReplyForm(request.POST, feedback=feedback)
    if form.is_valid():
        try:
            create_once(
                request,
                lambda: services.feedback_reply(
                    feedback=feedback,
                    author=request.user,
                    body=form.cleaned_data["body"],
                ),
            )
        except PermissionDenied:
            raise Http404 from None
        except ValidationError as error:
            apply_errors(form, error)
        else:
            is_author = request.user.pk == feedback.entry.author_id
            other = feedback.author if is_author else feedback.entry.author
            note = f"Reply sent; {other.name} has been notified."
            if _htmx(request):
                return _comment_response(request, feedback, note=note)
            messages.success(request, note)
            return redirect(feedback_page_url(feedback.entry, feedback))
    if _htmx(request):
        return _comment_response(request, feedback, status=400, reply_form=form)
    return _page(request, feedback.entry, status=400, reply_forms={feedback.pk: form})


# --- Attachments: only through these views, after the permission check ----------------------


@login_required
@require_GET
def feedback_attachment(request, pk: int):
    feedback = _feedback(request, pk)
    if not feedback.attachment:
        raise Http404
    read_record(request, feedback, owner_id=feedback.author_id)
    return private_download(feedback.attachment, feedback.attachment_name, feedback.attachment_type)


@login_required
@require_GET
def revision_attachment(request, pk: int):
    revision = get_object_or_404(FeedbackRevision, pk=pk)
    _feedback(request, revision.feedback_id)
    if not revision.previous_attachment:
        raise Http404
    return private_download(
        revision.previous_attachment,
        revision.previous_attachment_name,
        revision.previous_attachment_type,
    )
