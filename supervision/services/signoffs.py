"""Hours sign-off: submit a period, withdraw it, sign or return it, reopen it; and the lock on meetings.

Rules (issue 17): a period is non-empty, at most a year, within the relationship, and does not
overlap another period that is awaiting signature or signed. Only the supervisee submits and
withdraws; only the supervisor signs (after re-authenticating, checked by the view), returns
with a comment, and reopens. While a period is signed, meetings of that relationship dated in
it are not created, changed or deleted.

Lock order, everywhere: the Supervision rows (by pk), then HoursSignOff rows, then the Meeting.
Meeting services take the supervision locks first too, so a signature and an edit of a meeting
in the same period never both succeed.

Each change of state sends ``supervision.signals.hours_signoff_changed`` in its transaction (the
notices to the other person are sent by its subscriber in notifications; this floor knows none).
"""

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from supervision.models import HoursSignOff, Meeting, Supervision, User
from supervision.selectors.signoffs import contents_digest, signoff_contents
from supervision.signals import hours_signoff_changed

Status = HoursSignOff.Status


def lock_supervisions(supervision_ids: Iterable[int]) -> list[Supervision]:
    """Lock relationships in pk order (the first step of the lock order above)."""
    ids = sorted(set(supervision_ids))
    return list(Supervision.objects.select_for_update().filter(pk__in=ids).order_by("pk"))


def meetings_locked_check(
    *, supervision_ids: Iterable[int], dates: Iterable[datetime.date]
) -> None:
    """ValidationError if a meeting on one of these dates falls in a signed period of these relationships.

    The caller holds the supervision locks (``lock_supervisions``).
    """
    dates = {d for d in dates if d is not None}
    ids = set(supervision_ids)
    if not dates or not ids:
        return
    signed = HoursSignOff.objects.filter(
        supervision_id__in=ids,
        status=Status.SIGNED,
        starts_on__lte=max(dates),
        ends_on__gte=min(dates),
    ).select_related("supervision__supervisor")
    for signoff in signed:
        if any(signoff.starts_on <= d <= signoff.ends_on for d in dates):
            raise ValidationError(
                f"The hours of {signoff.label} were signed by {signoff.signed_by_name}, so "
                "meetings in that period cannot be added, changed or deleted. Ask "
                f"{signoff.supervision.supervisor.name} to reopen the period first.",
                code="signed_period",
            )


def _planned_meeting_check(
    supervision: Supervision, starts_on: datetime.date, ends_on: datetime.date
) -> None:
    """ValidationError if a meeting of the period has not taken place yet (one later on its last
    day, which is today): its hours would be left out of what is signed, then locked out of it."""
    planned = (
        Meeting.objects.planned()
        .filter(attendances__supervision=supervision, date__gte=starts_on, date__lte=ends_on)
        .order_by("date", "starts_at")
        .first()
    )
    if planned is None:
        return
    message = (
        f"The meeting at {planned.starts_at:%H:%M} on {planned.date:%-d %B %Y} has not taken "
        "place yet. A meeting counts once it has taken place: submit the period after it has ended."
    )
    raise ValidationError({"ends_on": message})


def _announce(signoff: HoursSignOff, actor: User) -> None:
    """Send ``hours_signoff_changed`` for the state just saved (in the caller's transaction)."""
    hours_signoff_changed.send(
        sender=HoursSignOff, signoff=signoff, event=signoff.status, actor=actor
    )


def _locked(signoff: HoursSignOff) -> tuple[Supervision, HoursSignOff]:
    supervision = lock_supervisions([signoff.supervision_id])[0]
    return supervision, HoursSignOff.objects.select_for_update().get(pk=signoff.pk)


@transaction.atomic
def signoff_submit(
    *,
    supervision: Supervision,
    submitted_by: User,
    starts_on: datetime.date,
    ends_on: datetime.date,
    note: str = "",
) -> HoursSignOff:
    """The supervisee asks their supervisor to sign the hours of a period (both days included).

    Raises PermissionDenied for anyone but the supervisee, ValidationError (by field) for an
    empty period, one outside the relationship, longer than a year or overlapping another
    period awaiting signature or signed. A form sent twice is the view's concern: it wraps this
    call in ``supervision.idempotency.create_once`` (a repeat overlaps the first period anyway,
    so it could never create a second one).
    """
    supervision = lock_supervisions([supervision.pk])[0]
    if submitted_by.pk != supervision.supervisee_id:
        raise PermissionDenied("Only the supervisee submits their hours for sign-off.")
    signoff = HoursSignOff(
        supervision=supervision,
        starts_on=starts_on,
        ends_on=ends_on,
        note=(note or "").strip(),
        submitted_by=submitted_by,
        submitted_at=timezone.now(),
    )
    signoff.full_clean()
    if ends_on > timezone.localdate():
        raise ValidationError(
            {"ends_on": "The period has not ended yet; submit it from its last day on."}
        )
    if ends_on < supervision.started_on or (
        supervision.ended_on is not None and starts_on > supervision.ended_on
    ):
        raise ValidationError(
            {"starts_on": "This period lies outside the supervision; choose dates within it."}
        )
    overlapping = (
        HoursSignOff.objects.select_for_update()
        .filter(
            supervision=supervision,
            status__in=HoursSignOff.HOLDING,
            starts_on__lte=ends_on,
            ends_on__gte=starts_on,
        )
        .first()
    )
    if overlapping is not None:
        state = "signed" if overlapping.is_signed else "awaiting signature"
        raise ValidationError(
            {
                "starts_on": f"This period overlaps {overlapping.label}, which is {state}. "
                "Choose dates that do not overlap it."
            }
        )
    _planned_meeting_check(supervision, starts_on, ends_on)
    contents = signoff_contents(supervision=supervision, starts_on=starts_on, ends_on=ends_on)
    if not contents["meetings"]:
        raise ValidationError(
            {"starts_on": "There are no meetings in this period, so there are no hours to sign."}
        )
    signoff.save()
    _announce(signoff, submitted_by)
    return signoff


@transaction.atomic
def signoff_withdraw(*, signoff: HoursSignOff, actor: User) -> HoursSignOff:
    """The supervisee takes back a period before it is signed; it stays in the history."""
    _supervision, signoff = _locked(signoff)
    if actor.pk != signoff.supervision.supervisee_id:
        raise PermissionDenied("Only the supervisee withdraws their submission.")
    if signoff.status == Status.WITHDRAWN:
        return signoff  # the same click twice
    if signoff.status != Status.SUBMITTED:
        raise ValidationError("Only a period awaiting signature can be withdrawn.")
    signoff.status = Status.WITHDRAWN
    signoff.decided_at = timezone.now()
    signoff.save(update_fields=["status", "decided_at"])
    _announce(signoff, actor)
    return signoff


def _decide(signoff: HoursSignOff, actor: User, wanted: str) -> tuple[HoursSignOff, bool]:
    supervision, signoff = _locked(signoff)
    if actor.pk != supervision.supervisor_id:
        raise PermissionDenied("Only the supervisor signs or returns hours.")
    if signoff.status == wanted:
        return signoff, False
    if signoff.status != Status.SUBMITTED:
        raise ValidationError(
            f"This period is {signoff.get_status_display().lower()}; only a period awaiting "
            "signature can be signed or returned."
        )
    return signoff, True


@transaction.atomic
def signoff_sign(*, signoff: HoursSignOff, actor: User) -> HoursSignOff:
    """The supervisor signs: the period's meetings and totals are kept as signed and locked.

    The view has re-authenticated the supervisor (allauth). Signing twice changes nothing.
    """
    signoff, pending = _decide(signoff, actor, Status.SIGNED)
    if not pending:
        return signoff
    contents = signoff_contents(
        supervision=signoff.supervision, starts_on=signoff.starts_on, ends_on=signoff.ends_on
    )
    if not contents["meetings"]:
        raise ValidationError(
            "The meetings of this period have been deleted since it was submitted; return it."
        )
    now = timezone.now()
    signoff.status = Status.SIGNED
    signoff.decided_by = actor
    signoff.decided_at = now
    signoff.signed_at = now
    signoff.signed_by_name = actor.name
    signoff.return_comment = ""
    signoff.contents = contents
    signoff.contents_digest = contents_digest(contents)
    signoff.save()
    _announce(signoff, actor)
    return signoff


@transaction.atomic
def signoff_return(*, signoff: HoursSignOff, actor: User, comment: str) -> HoursSignOff:
    """The supervisor sends the period back with a comment (required) saying what to correct."""
    comment = (comment or "").strip()
    if not comment:
        raise ValidationError(
            {"return_comment": "Say what needs correcting before returning the period."}
        )
    signoff, pending = _decide(signoff, actor, Status.RETURNED)
    if not pending:
        return signoff
    signoff.status = Status.RETURNED
    signoff.decided_by = actor
    signoff.decided_at = timezone.now()
    signoff.return_comment = comment
    signoff.save(update_fields=["status", "decided_by", "decided_at", "return_comment"])
    _announce(signoff, actor)
    return signoff


@transaction.atomic
def signoff_reopen(*, signoff: HoursSignOff, actor: User, reason: str) -> HoursSignOff:
    """The supervisor reopens a signed period so its meetings can be corrected.

    What was signed stays recorded; its verification code stops verifying. The supervisee
    submits the period again afterwards.
    """
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reopen_reason": "Say why the period is reopened."})
    supervision, signoff = _locked(signoff)
    if actor.pk != supervision.supervisor_id:
        raise PermissionDenied("Only the supervisor who signs reopens a period.")
    if signoff.status == Status.REOPENED:
        return signoff
    if signoff.status != Status.SIGNED:
        raise ValidationError("Only a signed period can be reopened.")
    signoff.status = Status.REOPENED
    signoff.reopened_at = timezone.now()
    signoff.reopen_reason = reason
    signoff.save(update_fields=["status", "reopened_at", "reopen_reason"])
    _announce(signoff, actor)
    return signoff
