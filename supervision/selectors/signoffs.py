"""Reading hours sign-offs: what a period holds, the list for a relationship, and verification codes.

The verification code printed on a log book is ``<sign-off pk>-<16 letters>``: the letters are
an HMAC (key: SECRET_KEY, salted) over the sign-off's number, the digest of what was signed, the
signer and the time of signing. ``signoff_verify`` recomputes it, so a code that was mistyped,
made up, or belongs to another person's log book is refused, and a period that was reopened
after signing no longer verifies.
"""

import base64
import datetime
import hashlib
import json
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from supervision.models import HoursSignOff, Meeting, Supervision, User
from supervision.selectors.hours import HoursRow, period_entries

CODE_SALT = "supervision.hours-signoff.verification"


def signoffs_for(supervision: Supervision) -> QuerySet[HoursSignOff]:
    """The relationship's sign-offs, newest period first; the caller has checked who may read them."""
    return supervision.hours_signoffs.select_related("submitted_by", "decided_by").order_by(
        "-starts_on", "-pk"
    )


def signoffs_awaiting(supervisor: User) -> QuerySet[HoursSignOff]:
    """Periods waiting for this supervisor's signature, in relationships they lead."""
    return (
        HoursSignOff.objects.filter(
            supervision__supervisor=supervisor, status=HoursSignOff.Status.SUBMITTED
        )
        .select_related("supervision__supervisee")
        # What the dashboard lists: the supervisee's name and the period (HoursSignOff.label).
        .only(
            "supervision__supervisee_id",
            "starts_on",
            "ends_on",
            *User.name_columns("supervision__supervisee"),
        )
        .order_by("submitted_at", "pk")
    )


def month_of(first: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The calendar month starting on ``first`` (a first of the month): (first day, last day)."""
    following = (first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def next_period_to_submit(supervision: Supervision) -> tuple[datetime.date, datetime.date] | None:
    """The month the supervisee would submit next: (first day, last day), or None if there is none.

    The earliest month that has ended (its last day is today or before), holds a meeting of this
    relationship that has taken place, and overlaps no period awaiting signature or signed.
    Two queries, however many meetings and periods.
    """
    today = timezone.localdate()
    months = (
        Meeting.objects.taken_place()
        .filter(attendances__supervision=supervision)
        .dates("date", "month")
    )
    holding = list(
        supervision.hours_signoffs.filter(status__in=HoursSignOff.HOLDING).values_list(
            "starts_on", "ends_on"
        )
    )
    for first in months:
        last = month_of(first)[1]
        if last > today:
            return None
        if not any(starts_on <= last and first <= ends_on for starts_on, ends_on in holding):
            return first, last
    return None


def _hours(minutes: Decimal) -> str:
    return str((minutes / Decimal(60)).quantize(Decimal("0.01")))


def signoff_contents(
    *, supervision: Supervision, starts_on: datetime.date, ends_on: datetime.date
) -> dict:
    """What a period holds, as plain JSON: the names, each meeting, and totals by kind and by case.

    Minutes are whole or decimal strings, hours strings with two decimals, so the digest of the
    JSON is the same on every database.
    """
    entries = period_entries(supervision=supervision, starts_on=starts_on, ends_on=ends_on)
    total = HoursRow(label="Total")
    by_case: dict[int, HoursRow] = {}
    meetings = []
    for entry in entries:
        total.add(entry)
        for case in entry.cases:
            by_case.setdefault(case.pk, HoursRow(label=case.pseudonym)).add(entry)
        meetings.append(
            {
                "date": entry.date.isoformat(),
                "starts_at": entry.starts_at.strftime("%H:%M") if entry.starts_at else "",
                "duration_minutes": entry.duration_minutes,
                "credited_minutes": str(entry.credited_minutes.quantize(Decimal("0.01"))),
                "format": entry.mode,
                "setting": "Group" if entry.is_group else "Individual",
                "observation": entry.observation_label,
                "observed": entry.observation != "none",
                "cases": sorted(case.pseudonym for case in entry.cases),
            }
        )
    return {
        "supervisee": supervision.supervisee.name,
        "supervisor": supervision.supervisor.name,
        "kind": supervision.get_kind_display(),
        "starts_on": starts_on.isoformat(),
        "ends_on": ends_on.isoformat(),
        "meetings": meetings,
        "totals": {
            "meetings": total.meetings,
            "individual_hours": _hours(total.individual_minutes),
            "group_attended_hours": _hours(total.group_attended_minutes),
            "group_credited_hours": _hours(total.group_credited_minutes),
            "credited_hours": _hours(total.individual_minutes + total.group_credited_minutes),
            "observed_meetings": total.observed_meetings,
        },
        "cases": [
            {
                "pseudonym": row.label,
                "meetings": row.meetings,
                "credited_hours": _hours(row.individual_minutes + row.group_credited_minutes),
            }
            for row in sorted(by_case.values(), key=lambda row: row.label.lower())
        ],
    }


def contents_digest(contents: dict) -> str:
    """sha256 (hex) of the contents' canonical JSON."""
    canonical = json.dumps(contents, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _signature(signoff: HoursSignOff) -> str:
    message = "|".join(
        [
            str(signoff.pk),
            signoff.contents_digest,
            signoff.signed_by_name,
            signoff.signed_at.isoformat() if signoff.signed_at else "",
        ]
    )
    mac = salted_hmac(CODE_SALT, message, algorithm="sha256").digest()
    return base64.b32encode(mac[:10]).decode()


def verification_code(signoff: HoursSignOff) -> str:
    """``12-ABCD-EFGH-IJKL-MNOP`` for a signed period; ValueError for one that is not signed."""
    if not signoff.is_signed:
        raise ValueError("Only a signed period has a verification code.")
    letters = _signature(signoff)
    return f"{signoff.pk}-" + "-".join(letters[i : i + 4] for i in range(0, 16, 4))


@dataclass
class Verification:
    valid: bool
    message: str
    signoff: HoursSignOff | None = None


def _normalise_name(name: str) -> str:
    return " ".join(name.split()).casefold()


def signoff_verify(*, code: str, supervisee_name: str) -> Verification:
    """Whether a log book's code was issued for a period signed for this person, as recorded now.

    Tells nothing but the answer: a wrong code and a code for someone else get the same refusal.
    """
    refused = Verification(
        False,
        "This code does not match a signed log book for that name. Check both against the PDF.",
    )
    cleaned = code.strip().upper().replace(" ", "")
    number, _, letters = cleaned.partition("-")
    if not number.isdigit() or len(number) > 18:
        return refused
    signoff = (
        HoursSignOff.objects.select_related("supervision__supervisee")
        .filter(pk=int(number))
        .first()
    )
    if signoff is None or signoff.signed_at is None:
        return refused
    if not constant_time_compare(letters.replace("-", ""), _signature(signoff)):
        return refused
    if _normalise_name(supervisee_name) != _normalise_name(signoff.contents["supervisee"]):
        return refused
    if not signoff.is_signed:
        return Verification(
            False,
            "This log book was reopened after it was signed, so the PDF no longer matches the "
            "record. Ask the trainee for the log book signed since.",
        )
    signed_on = timezone.localtime(signoff.signed_at).date()
    return Verification(
        True,
        f"This log book matches the record: signed by {signoff.signed_by_name} on "
        f"{signed_on:%d %B %Y}.",
        signoff,
    )
