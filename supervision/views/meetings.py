"""Meetings: the list, one meeting's record, recording and editing it, and a supervisee's reflection."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q, prefetch_related_objects
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from supervision.audit import reads_of, reads_record
from supervision.forms import apply_errors
from supervision.forms.meetings import MeetingForm, MeetingReflectionForm
from supervision.idempotency import create_once
from supervision.models import Case, Meeting, MeetingReflection, Supervision, SupervisionGroup
from supervision.page_parts import rendered_part
from supervision.panels import ShownPanel, panels_for
from supervision.selectors.cases import cases_visible_to
from supervision.selectors.meetings import (
    MEETING_RECORD_COLUMNS,
    meeting_facts,
    meeting_people_and_cases,
    past_meetings_for,
    reflections_visible_to,
    upcoming_meetings_for,
)
from supervision.selectors.relationships import supervisions_visible_to
from supervision.services.meetings import (
    EditConflict,
    meeting_create,
    meeting_delete,
    meeting_delete_check,
    meeting_reflection_save,
    meeting_update,
)
from supervision.viewer import Held, object_for, viewer_for


@login_required
@require_GET
def meeting_list(request):
    context = {
        "upcoming": upcoming_meetings_for(request.user),
        "past": past_meetings_for(request.user),
    }
    return render(request, "supervision/meetings/list.html", context)


# Who recorded and last changed it are named on the record; the query, read on every visit,
# is written once per process.
MEETING_RECORDS = Held(
    meeting_facts().select_related("recorded_by", "updated_by").only(*MEETING_RECORD_COLUMNS)
)


@login_required
@require_GET
def meeting_detail(request, pk):
    # object_for checks view_meeting on the meeting itself: the list's filter would ask again.
    # Who attended and the cases are read by the record's page part, only when it is built.
    meeting = object_for(request, MEETING_RECORDS, pk, view="view_meeting")
    viewer = viewer_for(request)
    reflections = list(reflections_visible_to(meeting, request.user))
    # The record is the supervisor's; each reflection its author's: one insert for all of them.
    reads_record(
        request,
        [meeting, *reflections],
        owner_of=lambda shown: getattr(shown, "author_id", None) or meeting.supervisor_id,
    )

    def record(request) -> dict:
        prefetch_related_objects([meeting], *meeting_people_and_cases(request.user))
        return {
            "meeting": meeting,
            "record": _record(request, meeting),
            "detail_panels": panels_for("meeting.detail", request, meeting=meeting),
            "attendances": meeting.attendances.all(),
            "reflections": reflections,
            "own_reflection": next(
                (r for r in reflections if r.author_id == request.user.pk), None
            ),
            "can_change": viewer.has_perm("change_meeting", meeting),
            "can_delete": viewer.has_perm("delete_meeting", meeting),
            "can_reflect": viewer.has_perm("reflect_on_meeting", meeting),
            "is_supervisor": meeting.supervisor_id == request.user.pk,
        }

    context = {
        "meeting": meeting,
        # The record as a page part (supervision.page_parts); who has read it is read afresh,
        # each of the supervisor's own visits recording the reflections' reads.
        "content": rendered_part(
            request, "supervision/meetings/includes/_detail_content.html", record
        ),
    }
    if meeting.supervisor_id == request.user.pk:
        context["reads"] = reads_of(meeting)
    return render(request, "supervision/meetings/detail.html", context)


@dataclass(frozen=True)
class RecordSection:
    name: str
    label: str
    text: str
    panels: list[ShownPanel]


def _record(request, meeting) -> list[RecordSection]:
    """The record's sections in meeting order; other apps' panels take over theirs (homework)."""
    record = [
        RecordSection(
            name,
            label,
            text,
            panels_for(f"meeting.section.{name}", request, meeting=meeting, text=text),
        )
        for name, label, text in meeting.sections()
    ]
    # A section whose panel asks to open the record comes first (the homework review).
    return sorted(record, key=lambda section: not any(p.first for p in section.panels))


def _case_choices(user, supervisor_id, supervisions, *, include=()):
    """Open cases the supervisees present brought to this supervisor, that the person may read.

    Cases already chosen stay on the list even when closed.
    """
    return (
        cases_visible_to(user)
        .filter(
            supervision__supervisor_id=supervisor_id,
            supervision__supervisee__in=[s.supervisee_id for s in supervisions],
        )
        .filter(Q(status=Case.Status.OPEN) | Q(pk__in=[c.pk for c in include]))
        .order_by("supervision__supervisee__display_name", "pseudonym")
    )


def _render_form(request, form, **context):
    return render(request, "supervision/meetings/form.html", {"form": form, **context})


@login_required
@require_http_methods(["GET", "POST"])
def meeting_create_view(request, pk):
    supervision = object_for(
        request,
        supervisions_visible_to(request.user),
        pk,
        view="view_supervision",
        need="record_meeting",
    )
    form = MeetingForm(
        request.POST or None,
        editor=request.user,
        supervisor_id=supervision.supervisor_id,
        cases=_case_choices(request.user, supervision.supervisor_id, [supervision]),
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = create_once(
                request,
                lambda: meeting_create(
                    recorded_by=request.user,
                    supervision=supervision,
                    **form.service_arguments(),
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Meeting recorded.")
            return redirect("supervision:meeting_detail", pk=meeting.pk)
    return _render_form(request, form, supervision=supervision)


@login_required
@require_http_methods(["GET", "POST"])
def group_meeting_create(request, pk):
    group = object_for(
        request,
        SupervisionGroup.objects.select_related("supervisor"),
        pk,
        view="view_supervisiongroup",
        need="record_meeting",
    )
    members = group.memberships.current().select_related("supervisee", "supervisor")
    form = MeetingForm(
        request.POST or None,
        editor=request.user,
        supervisor_id=group.supervisor_id,
        cases=_case_choices(request.user, group.supervisor_id, list(members)),
        attendees=members.order_by("supervisee__display_name"),
        initial={"attendees": list(members)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            meeting = create_once(
                request,
                lambda: meeting_create(
                    recorded_by=request.user,
                    group=group,
                    **form.service_arguments(),
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Group meeting recorded.")
            return redirect("supervision:meeting_detail", pk=meeting.pk)
    return _render_form(request, form, group=group)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_update_view(request, pk):
    meeting = object_for(
        request,
        Meeting.objects.select_related("group", "supervisor"),
        pk,
        view="view_meeting",
        need="change_meeting",
    )
    supervisions = Supervision.objects.filter(attendances__meeting=meeting)
    attendees = None
    if meeting.group_id and meeting.supervisor_id == request.user.pk:
        attendees = (
            Supervision.objects.filter(
                Q(group=meeting.group, ended_on__isnull=True) | Q(attendances__meeting=meeting)
            )
            .distinct()
            .select_related("supervisee")
            .order_by("supervisee__display_name")
        )
        supervisions = attendees
    discussed = list(meeting.cases_discussed.all())
    initial = {
        name: getattr(meeting, name)
        for name in (*Meeting.SECTIONS, "date", "starts_at", "duration_minutes", "mode")
    }
    initial.update(
        observation=meeting.observation,
        revision=meeting.revision,
        cases_discussed=discussed,
        attendees=list(supervisions.filter(attendances__meeting=meeting)),
    )
    form_options = {
        "editor": request.user,
        "supervisor_id": meeting.supervisor_id,
        "cases": _case_choices(
            request.user, meeting.supervisor_id, list(supervisions), include=discussed
        ),
        "attendees": attendees,
        "initial": initial,
    }
    form = MeetingForm(request.POST or None, **form_options)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_update(
                meeting=meeting,
                editor=request.user,
                revision=form.cleaned_data.get("revision") or 0,
                **form.service_arguments(),
            )
        except EditConflict as conflict:
            # Keep what they typed, but let the next save go through on purpose.
            data = request.POST.copy()
            data["revision"] = Meeting.objects.values_list("revision", flat=True).get(pk=meeting.pk)
            form = MeetingForm(data, **form_options)
            form.is_valid()
            form.add_error(None, conflict)
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Meeting saved.")
            return redirect("supervision:meeting_detail", pk=meeting.pk)
    return _render_form(request, form, meeting=meeting)


@login_required
@require_http_methods(["GET", "POST"])
def meeting_delete_view(request, pk):
    meeting = object_for(
        request,
        Meeting.objects.select_related("group", "supervisor"),
        pk,
        view="view_meeting",
        need="delete_meeting",
    )
    refusal = None
    try:
        if request.method == "POST":
            meeting_delete(meeting=meeting, actor=request.user)
            messages.success(request, "Meeting deleted.")
            return redirect("supervision:meeting_list")
        meeting_delete_check(meeting)
    except ValidationError as error:
        refusal = " ".join(error.messages)
    return render(
        request,
        "supervision/meetings/confirm_delete.html",
        {"meeting": meeting, "refusal": refusal},
    )


@login_required
@require_http_methods(["GET", "POST"])
def meeting_reflection(request, pk):
    meeting = object_for(
        request,
        Meeting.objects.select_related("group", "supervisor"),
        pk,
        view="view_meeting",
        need="reflect_on_meeting",
    )
    reflection = MeetingReflection.objects.filter(meeting=meeting, author=request.user).first()
    form = MeetingReflectionForm(request.POST or None, instance=reflection)
    if request.method == "POST" and form.is_valid():
        try:
            meeting_reflection_save(
                meeting=meeting,
                author=request.user,
                text=form.cleaned_data["text"],
                shared_with_supervisor=form.cleaned_data["shared_with_supervisor"],
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Reflection saved.")
            return redirect("supervision:meeting_detail", pk=meeting.pk)
    context = {"meeting": meeting, "form": form, "reflection": reflection}
    return render(request, "supervision/meetings/reflection.html", context)
