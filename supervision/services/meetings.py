"""Recording supervision meetings and the supervisee's own reflection on them.

Either party drafts the record and both may edit it while the relationship runs. The
supervisor's evaluation is written only by the supervisor and the supervisee's feedback
only by supervisees; a personal reflection stays with its author unless they share it.
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from supervision.models import (
    Attendance,
    Case,
    Meeting,
    MeetingReflection,
    Supervision,
    SupervisionGroup,
    User,
)
from supervision.permissions import grant, revoke
from supervision.signals import meeting_planned

from .signoffs import lock_supervisions, meetings_locked_check

SUPERVISOR_PERMS = ("view_meeting", "change_meeting", "delete_meeting")
SUPERVISEE_PERMS = ("view_meeting", "change_meeting", "reflect_on_meeting")
DETAIL_FIELDS = ("date", "starts_at", "duration_minutes", "mode", "observation")


class EditConflict(ValidationError):
    """Someone else saved the meeting after the editor opened it."""


@transaction.atomic
def meeting_create(
    *,
    recorded_by: User,
    supervision: Supervision | None = None,
    group: SupervisionGroup | None = None,
    attendees: Iterable[Supervision] = (),
    cases: Iterable[Case] = (),
    sections: dict[str, str] | None = None,
    **details,
) -> Meeting:
    if (supervision is None) == (group is None):
        raise TypeError("A meeting belongs to one supervision or to one group.")
    if supervision is not None:
        attendees = [supervision]
        supervisor = supervision.supervisor
        if recorded_by.pk not in (supervision.supervisor_id, supervision.supervisee_id):
            raise PermissionDenied("Only the two people in a supervision record its meetings.")
        if supervision.ended_on is not None:
            raise ValidationError("This supervision has ended; no new meetings can be recorded.")
    else:
        attendees = list(attendees)
        supervisor = group.supervisor
        if group.ended_on is not None:
            raise ValidationError("This group has ended; no new meetings can be recorded.")
        current = {m.pk for m in group.memberships.current()}
        if (
            recorded_by.pk != supervisor.pk
            and not group.memberships.current().filter(supervisee=recorded_by).exists()
        ):
            raise PermissionDenied("Only the group's supervisor and members record its meetings.")
        if not attendees:
            raise ValidationError({"attendees": "Choose who was at the meeting."})
        if any(a.pk not in current for a in attendees):
            raise ValidationError({"attendees": "Only current members of the group can attend."})
        if recorded_by.pk != supervisor.pk and recorded_by.pk not in {
            a.supervisee_id for a in attendees
        }:
            raise ValidationError(
                {"attendees": "Include yourself: members record meetings they were at."}
            )

    # A meeting in a signed period would change signed hours (supervision.services.signoffs).
    lock_supervisions(a.pk for a in attendees)
    meetings_locked_check(supervision_ids=[a.pk for a in attendees], dates=[details.get("date")])
    meeting = Meeting(
        supervisor=supervisor,
        group=group,
        recorded_by=recorded_by,
        updated_by=recorded_by,
    )
    _apply_details(meeting, details, attendees)
    _apply_sections(meeting, sections or {}, editor=recorded_by)
    meeting.full_clean()
    meeting.save()
    Attendance.objects.bulk_create(
        [Attendance(meeting=meeting, supervision=attendee) for attendee in attendees]
    )
    meeting.cases_discussed.set(
        _checked_cases(cases, attendees, editor=recorded_by, supervisor_id=supervisor.pk)
    )
    grant(supervisor, SUPERVISOR_PERMS, meeting)
    for attendee in attendees:
        grant(attendee.supervisee, SUPERVISEE_PERMS, meeting)
    meeting_planned.send(sender=Meeting, meeting=meeting, meeting_id=meeting.pk, actor=recorded_by)
    return meeting


@transaction.atomic
def meeting_update(
    *,
    meeting: Meeting,
    editor: User,
    revision: int,
    attendees: Iterable[Supervision] | None = None,
    cases: Iterable[Case] | None = None,
    sections: dict[str, str] | None = None,
    **details,
) -> Meeting:
    """Change what the editor sent; cases and attendees left out (None) stay as they are.

    Refused (ValidationError) when the meeting's old or new date lies in a signed period.
    """
    # Lock order: the relationships first, then the meeting (supervision.services.signoffs).
    locked_ids = set(meeting.attendances.values_list("supervision_id", flat=True))
    if attendees is not None:
        attendees = list(attendees)
        locked_ids |= {a.pk for a in attendees}
    lock_supervisions(locked_ids)
    meeting = (
        Meeting.objects.select_for_update(of=("self",)).select_related("group").get(pk=meeting.pk)
    )
    current_attendees = list(meeting.attendances.select_related("supervision__supervisee"))
    old_supervisions = [a.supervision for a in current_attendees]
    _check_editor(meeting, old_supervisions, editor)
    if meeting.group_id is None or attendees is None:
        attendees = old_supervisions
    else:
        attendees = list(attendees)
        if not attendees:
            raise ValidationError({"attendees": "Choose who was at the meeting."})
        if editor.pk != meeting.supervisor_id and {a.pk for a in attendees} != {
            s.pk for s in old_supervisions
        }:
            raise PermissionDenied("Only the group's supervisor changes who was at a meeting.")
        allowed = {m.pk for m in meeting.group.memberships.all()} | {s.pk for s in old_supervisions}
        if any(a.pk not in allowed for a in attendees):
            raise ValidationError({"attendees": "Only members of the group can attend."})

    visible = _cases_visible_to_editor(meeting, old_supervisions, editor)
    discussed = list(meeting.cases_discussed.select_related("supervision"))
    if cases is None:
        cases = [c for c in discussed if c.pk in visible]
    chosen = _checked_cases(cases, attendees, editor=editor, supervisor_id=meeting.supervisor_id)
    kept = [c for c in discussed if c.pk not in visible]

    if meeting.revision != revision:
        if _unchanged(meeting, details, sections or {}, chosen, visible, attendees):
            return meeting  # the same form sent twice
        who = meeting.updated_by.name if meeting.updated_by else "Someone"
        raise EditConflict(
            f"{who} saved changes to this meeting at "
            f"{timezone.localtime(meeting.updated_at):%H:%M} while you were editing. Your text "
            "is still in the form below: compare it with the saved meeting, then save again.",
            code="conflict",
        )

    meetings_locked_check(
        supervision_ids=locked_ids, dates=[meeting.date, details.get("date", meeting.date)]
    )
    _apply_details(meeting, details, attendees)
    _apply_sections(meeting, sections or {}, editor=editor)
    meeting.updated_by = editor
    meeting.revision += 1
    meeting.full_clean()
    meeting.save()
    meeting.cases_discussed.set([*kept, *chosen])

    if meeting.group_id:
        _sync_attendees(meeting, old_supervisions, attendees)
    meeting_planned.send(sender=Meeting, meeting=meeting, meeting_id=meeting.pk, actor=editor)
    return meeting


@transaction.atomic
def meeting_delete(*, meeting: Meeting, actor: User | None = None) -> None:
    """Delete a meeting recorded by mistake; one that people have reflected on stays.

    A reflection is its author's own writing and would go with the meeting (CASCADE), so the
    history decides, not only the record's state (issue 10). Raises ValidationError, also when its date lies in a signed period.
    """
    supervision_ids = list(meeting.attendances.values_list("supervision_id", flat=True))
    lock_supervisions(supervision_ids)
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    meeting_delete_check(meeting)
    # Attendances and every permission row go with the meeting (CASCADE).
    meeting_id = meeting.pk
    meeting.delete()
    meeting_planned.send(sender=Meeting, meeting=meeting, meeting_id=meeting_id, actor=actor)


def meeting_delete_check(meeting: Meeting) -> None:
    """ValidationError saying why the meeting may not be deleted (a signed period, a reflection).

    Reads only: the confirmation page asks first, so it offers no Delete button that would be
    refused (trial finding 3, the same kind); ``meeting_delete`` asks again under its locks.
    """
    supervision_ids = list(meeting.attendances.values_list("supervision_id", flat=True))
    meetings_locked_check(supervision_ids=supervision_ids, dates=[meeting.date])
    if meeting.reflections.exists():
        raise ValidationError(
            "Someone has written a reflection on this meeting, so it stays in the record. "
            "Correct its details instead."
        )


@transaction.atomic
def meeting_reflection_save(
    *, meeting: Meeting, author: User, text: str, shared_with_supervisor: bool
) -> MeetingReflection:
    attendance = (
        meeting.attendances.select_related("supervision")
        .filter(supervision__supervisee=author)
        .first()
    )
    if attendance is None:
        raise PermissionDenied("Only a supervisee at the meeting writes a reflection on it.")
    reflection = MeetingReflection.objects.select_for_update().filter(
        meeting=meeting, author=author
    ).first() or MeetingReflection(meeting=meeting, author=author)
    was_shared = reflection.pk is not None and reflection.shared_with_supervisor
    relationship_ended = attendance.supervision.ended_on is not None
    if shared_with_supervisor and not was_shared and relationship_ended:
        raise ValidationError(
            {
                "shared_with_supervisor": "This supervision has ended, so the reflection can "
                "no longer be shared."
            }
        )
    reflection.text = text
    reflection.shared_with_supervisor = shared_with_supervisor
    reflection.full_clean()
    reflection.save()
    grant(author, ("view_meetingreflection", "change_meetingreflection"), reflection)
    if shared_with_supervisor:
        grant(meeting.supervisor, ("view_meetingreflection",), reflection)
    else:
        revoke(meeting.supervisor, ("view_meetingreflection",), reflection)
    return reflection


def _check_editor(meeting: Meeting, supervisions: list[Supervision], editor: User) -> None:
    if editor.pk == meeting.supervisor_id:
        still_running = (
            meeting.group.ended_on is None
            if meeting.group_id
            else all(s.ended_on is None for s in supervisions)
        )
    else:
        own = [s for s in supervisions if s.supervisee_id == editor.pk]
        if not own:
            raise PermissionDenied("Only the people at a meeting edit its record.")
        still_running = all(s.ended_on is None for s in own)
    if not still_running:
        raise PermissionDenied("The supervision has ended; its meetings can no longer be edited.")


def _apply_details(meeting: Meeting, details: dict, attendees: list[Supervision]) -> None:
    unknown = set(details) - set(DETAIL_FIELDS)
    if unknown:
        raise TypeError(f"Unknown meeting fields: {', '.join(sorted(unknown))}")
    for name, value in details.items():
        setattr(meeting, name, value)
    date: datetime.date | None = meeting.date
    if date is None:
        raise ValidationError({"date": "Enter the date of the meeting."})
    for supervision in attendees:
        if date < supervision.started_on:
            raise ValidationError(
                {
                    "date": f"The supervision with {supervision.supervisee.name} started on "
                    f"{supervision.started_on:%d %b %Y}; the meeting cannot be earlier."
                }
            )
        if supervision.ended_on is not None and date > supervision.ended_on:
            raise ValidationError(
                {
                    "date": f"The supervision with {supervision.supervisee.name} ended on "
                    f"{supervision.ended_on:%d %b %Y}; the meeting cannot be later."
                }
            )


def _apply_sections(meeting: Meeting, sections: dict[str, str], *, editor: User) -> None:
    is_supervisor = editor.pk == meeting.supervisor_id
    for name, value in sections.items():
        if name not in Meeting.SECTIONS:
            raise TypeError(f"Unknown meeting section: {name}")
        value = (value or "").strip()
        if value == getattr(meeting, name):
            continue
        if name in Meeting.SUPERVISOR_ONLY_SECTIONS and not is_supervisor:
            raise PermissionDenied("Only the supervisor writes the supervisor's evaluation.")
        if name in Meeting.SUPERVISEE_ONLY_SECTIONS and is_supervisor:
            raise PermissionDenied("Only a supervisee writes the feedback on the meeting.")
        setattr(meeting, name, value)


def _cases_visible_to_editor(
    meeting: Meeting, supervisions: list[Supervision], editor: User
) -> set[int]:
    cases = Case.objects.filter(
        supervision__supervisor_id=meeting.supervisor_id,
        supervision__supervisee__in=[s.supervisee_id for s in supervisions],
    )
    if editor.pk != meeting.supervisor_id:
        cases = cases.filter(supervision__supervisee=editor)
    return set(cases.values_list("pk", flat=True))


def _checked_cases(
    cases: Iterable[Case], attendees: list[Supervision], *, editor: User, supervisor_id: int
) -> list[Case]:
    """Cases the meeting's supervisor reads from a supervisee present; a supervisee picks their own.

    A case brought to individual supervision may also be discussed in that supervisor's group.
    """
    cases = list(cases)
    present = {s.supervisee_id for s in attendees}
    for case in cases:
        owner = case.supervision.supervisee_id
        if (
            case.supervision.supervisor_id != supervisor_id
            or owner not in present
            or (editor.pk != supervisor_id and owner != editor.pk)
        ):
            raise ValidationError(
                {"cases_discussed": "Choose only cases of the supervisees at this meeting."}
            )
    return cases


def _unchanged(meeting, details, sections, chosen, visible, attendees) -> bool:
    if any(getattr(meeting, name) != value for name, value in details.items()):
        return False
    if any(getattr(meeting, name) != (value or "").strip() for name, value in sections.items()):
        return False
    current_cases = {c.pk for c in meeting.cases_discussed.all() if c.pk in visible}
    if current_cases != {c.pk for c in chosen}:
        return False
    current_attendees = set(meeting.attendances.values_list("supervision_id", flat=True))
    return current_attendees == {a.pk for a in attendees}


def _sync_attendees(meeting: Meeting, old: list[Supervision], new: list[Supervision]) -> None:
    old_ids, new_ids = {s.pk for s in old}, {s.pk for s in new}
    for supervision in new:
        if supervision.pk not in old_ids:
            Attendance.objects.create(meeting=meeting, supervision=supervision)
            grant(supervision.supervisee, SUPERVISEE_PERMS, meeting)
    for supervision in old:
        if supervision.pk not in new_ids:
            Attendance.objects.filter(meeting=meeting, supervision=supervision).delete()
            revoke(supervision.supervisee, SUPERVISEE_PERMS, meeting)
