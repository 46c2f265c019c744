"""Recording pages: the list, uploading, the player with time-coded comments and the rating, and
the actions on it. Every view looks the recording up with ``object_for`` (404 for what one may
not know exists, 403 for what one may see but not change); services hold the rules."""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from recordings import services
from recordings.forms import (
    CommentForm,
    MeetingLinkForm,
    RatingStartForm,
    RecordingDetailsForm,
    RecordingForm,
    ReplyForm,
    ReviewModeForm,
)
from recordings.media import ACCEPTED_LIST
from recordings.models import Recording, RecordingComment, RecordingRating, RecordingUpload
from recordings.selectors import (
    comments_visible_to,
    deletions_of,
    own_recordings,
    recordings_to_review,
    supervisions_to_record_for,
)
from recordings.serving import range_response
from recordings.tus import max_bytes
from supervision.forms import apply_errors
from supervision.idempotency import create_once
from supervision.selectors.meetings import meetings_of_supervision
from supervision.viewer import object_for, viewer_for
from worksheets.forms.builder import build_worksheet_form
from worksheets.forms.entries import EntryControlsForm
from worksheets.models import Entry, TemplateVersion
from worksheets.selectors.templates import templates_startable_by

RECORDINGS = Recording.objects.select_related("owner", "supervision__supervisor", "case")


def _recording(request, pk, need: str | None = None) -> Recording:
    return object_for(request, RECORDINGS, pk, view="view_recording", need=need)


def _back_to(recording: Recording, anchor: str = "") -> str:
    return reverse("recordings:detail", args=[recording.pk]) + (f"#{anchor}" if anchor else "")


@login_required
@require_GET
def recording_list(request):
    context = {
        "own": own_recordings(request.user),
        "to_review": recordings_to_review(request.user),
        "deletions": deletions_of(request.user)[:20],
        "may_upload": supervisions_to_record_for(request.user).exists(),
    }
    return render(request, "recordings/list.html", context)


def _own_draft_entry(request) -> Entry | None:
    """The self-review entry named by ``?entry=`` (a recording-analysis homework), if it is theirs."""
    pk = request.GET.get("entry") or request.POST.get("entry")
    if not pk or not str(pk).isdigit():
        return None
    return Entry.objects.filter(pk=pk, author=request.user, status=Entry.Status.DRAFT).first()


@login_required
@require_http_methods(["GET", "POST"])
def recording_new(request):
    supervisions = supervisions_to_record_for(request.user)
    if not supervisions.exists():
        raise PermissionDenied("Only a supervisee in a current supervision uploads recordings.")
    entry = _own_draft_entry(request)
    if request.method == "POST":
        form = RecordingForm(request.POST, supervisions=supervisions)
        if form.is_valid():
            data = form.cleaned_data
            try:
                # A second click's upload is gone (the first took it): the key answers first.
                recording = create_once(request, lambda: _recording_create(request, data, entry))
            except ValidationError as error:
                apply_errors(form, error)
            else:
                messages.success(
                    request,
                    "Uploaded. Only you can see it until you hand it in; add your own "
                    "time-coded self-review first if you like.",
                )
                return redirect("recordings:detail", pk=recording.pk)
        status = 400
    else:
        form = RecordingForm(supervisions=supervisions)
        status = 200
    context = {
        "form": form,
        "entry": entry,
        "max_size": max_bytes(),
        "accepted": ACCEPTED_LIST,
        "create_url": reverse("recordings:upload_create"),
    }
    return render(request, "recordings/new.html", context, status=status)


def _recording_create(request, data, entry) -> Recording:
    upload = RecordingUpload.objects.filter(pk=data["upload"], owner=request.user).first()
    if upload is None:
        raise ValidationError({"upload": "Upload the recording file first."})
    return services.recording_create(
        owner=request.user,
        upload=upload,
        supervision=data["supervision"],
        case=data["case"],
        kind=data["kind"],
        description=data["description"],
        consent_by=data["consent_by"],
        consent_method=data["consent_method"],
        consent_on=data["consent_on"],
        consent_use=data["consent_use"],
        delete_by=data["delete_by"],
        entry=entry,
    )


def _rating_versions(user):
    templates = templates_startable_by(user).filter(is_questionnaire=True).with_current_version()
    current = [template.current_version_id for template in templates if template.current_version_id]
    versions = TemplateVersion.objects.filter(pk__in=current).order_by("title", "pk")
    return TemplateVersion.objects.filter(pk__in=[v.pk for v in versions if v.is_rating])


def _ratings_context(request, recording: Recording, may_rate: bool) -> dict:
    user = request.user
    ratings = list(
        RecordingRating.objects.filter(recording=recording)
        .select_related("entry__template_version", "entry__author")
        .order_by("pk")
    )
    shown = []
    for rating in ratings:
        entry = rating.entry
        if entry.author_id == user.pk:
            form = controls = None
            if entry.is_editable:
                form = build_worksheet_form(
                    entry.definition, entry.questionnaire, initial=entry.get_data()
                )
                controls = EntryControlsForm(
                    initial={
                        "reflection": entry.reflection,
                        "version": entry.version,
                        "session": uuid.uuid4().hex,
                    }
                )
            shown.append({"entry": entry, "form": form, "controls": controls, "mine": True})
        elif entry.subject_id == user.pk and entry.is_released:
            shown.append({"entry": entry, "mine": False})
    start_form = None
    if may_rate and not any(item["mine"] and item["form"] for item in shown):
        versions = _rating_versions(user)
        if versions.exists():
            start_form = RatingStartForm(versions=versions)
    history = [
        reverse(
            "questionnaires:history",
            args=[recording.owner_id, item["entry"].template_version.questionnaire_key],
        )
        for item in shown
        if item["entry"].template_version and not item["entry"].is_editable
    ]
    return {"ratings": shown, "rating_start_form": start_form, "history_url": history[:1]}


@login_required
@require_GET
def recording_detail(request, pk):
    recording = _recording(request, pk)
    viewer = viewer_for(request)
    user = request.user
    is_owner = recording.owner_id == user.pk
    is_supervisor = recording.supervision.supervisor_id == user.pk
    may_review = viewer.has_perm("review_recording", recording)
    may_comment = is_owner or may_review
    comments = list(comments_visible_to(user, recording))
    drafts = [c for c in comments if c.author_id == user.pk and not c.is_released]
    context = {
        "recording": recording,
        "is_owner": is_owner,
        "is_supervisor": is_supervisor,
        "may_comment": may_comment,
        "comments": comments,
        "own_drafts": len(drafts),
        "comment_form": CommentForm() if may_comment else None,
        "media_url": reverse("recordings:media", args=[recording.pk]),
    }
    if is_supervisor and may_review and recording.is_group:
        context["mode_form"] = ReviewModeForm(initial={"review_mode": recording.review_mode})
    if is_supervisor or is_owner:
        meetings = meetings_of_supervision(recording.supervision, user).exclude(
            pk__in=recording.meetings.values("pk")
        )
        if recording.is_handed_in and meetings.exists():
            context["meeting_form"] = MeetingLinkForm(meetings=meetings.order_by("-date")[:30])
        context["meetings"] = recording.meetings.order_by("-date")
    if is_owner:
        context["details_form"] = RecordingDetailsForm(
            initial={"description": recording.description, "delete_by": recording.delete_by}
        )
    context.update(
        _ratings_context(request, recording, viewer.has_perm("rate_recording", recording))
    )
    return render(request, "recordings/detail.html", context)


@login_required
@require_GET
def recording_media(request, pk):
    recording = _recording(request, pk)
    return range_response(request, recording.file, recording.content_type)


@login_required
@require_POST
def recording_hand_in(request, pk):
    recording = _recording(request, pk, need="change_recording")
    try:
        services.recording_hand_in(recording=recording, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect(_back_to(recording))
    messages.success(
        request, f"Handed in: {recording.supervision.supervisor.name} can review it now."
    )
    return redirect(_back_to(recording))


@login_required
@require_POST
def recording_edit(request, pk):
    recording = _recording(request, pk, need="change_recording")
    form = RecordingDetailsForm(request.POST)
    if form.is_valid():
        try:
            services.recording_details_update(
                recording=recording, actor=request.user, **form.cleaned_data
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Details saved.")
            return redirect(_back_to(recording, "details"))
    return render(
        request, "recordings/edit.html", {"recording": recording, "form": form}, status=400
    )


@login_required
@require_http_methods(["GET", "POST"])
def recording_delete(request, pk):
    recording = _recording(request, pk, need="delete_recording")
    if request.method == "POST":
        services.recording_delete(recording=recording, actor=request.user)
        messages.success(request, "The recording, its file and its comments are deleted.")
        return redirect("recordings:list")
    return render(request, "recordings/delete.html", {"recording": recording})


@login_required
@require_POST
def review_mode_set(request, pk):
    recording = _recording(request, pk, need="review_recording")
    if recording.supervision.supervisor_id != request.user.pk:
        raise PermissionDenied
    form = ReviewModeForm(request.POST)
    if form.is_valid():
        try:
            services.recording_review_mode_set(
                recording=recording, mode=form.cleaned_data["review_mode"], actor=request.user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Review mode saved.")
    else:
        messages.error(request, "Choose one of the review modes.")
    return redirect(_back_to(recording, "review-mode"))


def _may_comment(request, recording) -> bool:
    return recording.owner_id == request.user.pk or viewer_for(request).has_perm(
        "review_recording", recording
    )


@login_required
@require_POST
def comment_add(request, pk):
    recording = _recording(request, pk)
    if not _may_comment(request, recording):
        raise PermissionDenied
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = create_once(
                request,
                lambda: services.comment_create(
                    recording=recording,
                    author=request.user,
                    seconds=form.cleaned_data["seconds"],
                    body=form.cleaned_data["body"],
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect(_back_to(recording, f"comment-{comment.pk}"))
    context = {"recording": recording, "form": form}
    return render(request, "recordings/comment_error.html", context, status=400)


@login_required
@require_POST
def comments_release(request, pk):
    recording = _recording(request, pk, need="review_recording")
    count = services.comments_release(recording=recording, releaser=request.user)
    if count:
        messages.success(request, f"Released {count} comment{'s' if count != 1 else ''}.")
    else:
        messages.info(request, "There were no draft comments to release.")
    return redirect(_back_to(recording, "comments"))


def _comment(request, pk) -> RecordingComment:
    comment = object_for(
        request,
        RecordingComment.objects.select_related("recording__supervision", "recording__owner"),
        pk,
        view="view_recording",
        of=lambda comment: comment.recording,
    )
    if not comments_visible_to(request.user, comment.recording).filter(pk=comment.pk).exists():
        raise Http404("No such comment.")
    return comment


@login_required
@require_POST
def comment_discard(request, pk):
    comment = _comment(request, pk)
    try:
        services.comment_discard(comment=comment, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, "Draft comment deleted.")
    return redirect(_back_to(comment.recording, "comments"))


@login_required
@require_POST
def comment_reply(request, pk):
    comment = _comment(request, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        try:
            create_once(
                request,
                lambda: services.comment_reply(
                    comment=comment, author=request.user, body=form.cleaned_data["body"]
                ),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect(_back_to(comment.recording, f"comment-{comment.pk}"))
    context = {"recording": comment.recording, "form": form}
    return render(request, "recordings/comment_error.html", context, status=400)


@login_required
@require_POST
def rating_start(request, pk):
    recording = _recording(request, pk, need="rate_recording")
    form = RatingStartForm(request.POST, versions=_rating_versions(request.user))
    if form.is_valid():
        try:
            create_once(
                request,
                lambda: services.recording_rating_start(
                    recording=recording,
                    rater=request.user,
                    template_version=form.cleaned_data["template_version"],
                ),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
    else:
        messages.error(request, "Choose a rating form.")
    return redirect(_back_to(recording, "rating"))


@login_required
@require_POST
def meeting_link(request, pk):
    recording = _recording(request, pk)
    user = request.user
    if user.pk not in (recording.owner_id, recording.supervision.supervisor_id):
        raise PermissionDenied
    form = MeetingLinkForm(
        request.POST, meetings=meetings_of_supervision(recording.supervision, user)
    )
    if form.is_valid():
        try:
            services.recording_meeting_link(
                recording=recording, meeting=form.cleaned_data["meeting"], actor=user
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, "Linked to the meeting; it counts as observation of practice."
            )
    else:
        messages.error(request, "Choose a meeting of this supervision.")
    return redirect(_back_to(recording, "meetings"))
