"""What supervision holds about a person, for export and erasure (``supervision.privacy``).

Relationships, meeting records and cases belong to a relationship that another person shares,
so erasure keeps them and they show the tombstone name; a person's own reflections and
comments on cases are theirs alone and are deleted. Exports carry only what the person wrote,
received or may read: the supervisor's own evaluation of a meeting is not in a supervisee's copy.
"""

from django.db.models import Q

from supervision import privacy
from supervision.models import (
    Case,
    CaseComment,
    Meeting,
    MeetingReflection,
    ReadRecord,
    Supervision,
)

RELATIONSHIP_KEPT = (
    "A relationship is shared with the other person; it is kept under the tombstone name so "
    "their records and hours stay whole."
)
RECORD_KEPT = "The supervisor's record of supervision; kept, naming the tombstone."
AUDIT_KEPT = (
    "The read audit is append-only; it is removed only when its retention period ends "
    "(PRIVACY_RETENTION)."
)

MEETING_FIELDS = (
    "id",
    "date",
    "starts_at",
    "duration_minutes",
    "mode",
    "observation",
    *Meeting.SECTIONS,
)


def profile(person) -> list[dict]:
    return [
        {
            "email": person.email,
            "display_name": person.display_name,
            "first_name": person.first_name,
            "last_name": person.last_name,
            "timezone": person.timezone,
            "date_joined": person.date_joined,
            "last_login": person.last_login,
        }
    ]


def relationships(person) -> list[dict]:
    rows = Supervision.objects.filter(Q(supervisor=person) | Q(supervisee=person)).values(
        "id",
        "kind",
        "started_on",
        "ended_on",
        "supervisor__display_name",
        "supervisee__display_name",
    )
    return list(rows)


def meetings(person) -> list[dict]:
    """Meetings the person led or attended, with the sections that person may read."""
    led = Meeting.objects.filter(supervisor=person).values(*MEETING_FIELDS)
    hidden = set(Meeting.SUPERVISOR_ONLY_SECTIONS)
    attended_fields = [name for name in MEETING_FIELDS if name not in hidden]
    attended = (
        Meeting.objects.filter(attendances__supervision__supervisee=person)
        .exclude(supervisor=person)
        .values(*attended_fields)
        .distinct()
    )
    return [{"role": "supervisor", **row} for row in led] + [
        {"role": "supervisee", **row} for row in attended
    ]


def cases(person) -> list[dict]:
    return list(
        Case.objects.filter(supervision__supervisee=person).values(
            "id",
            "pseudonym",
            "status",
            "presenting_problem",
            "goals",
            "conceptualisation",
            "situation",
            "automatic_thoughts",
            "emotions",
            "bodily_reactions",
            "behaviours",
            "created_at",
            "updated_at",
        )
    )


def case_comments(person) -> list[dict]:
    return list(
        CaseComment.objects.filter(author=person).values("id", "case_id", "created_at", "text")
    )


def reflections(person) -> list[dict]:
    return list(
        MeetingReflection.objects.filter(author=person).values(
            "id", "meeting_id", "text", "shared_with_supervisor", "created_at", "updated_at"
        )
    )


def reads(person) -> list[dict]:
    """Who read the person's material, and when: names of readers, ids of what they read."""
    return list(
        ReadRecord.objects.filter(owner=person, outcome=ReadRecord.Outcome.READ).values(
            "reader__display_name", "subject", "object_id", "at"
        )
    )


PROVIDER = privacy.Provider(
    app="supervision",
    holdings=(
        privacy.Holding(
            "supervision.MeetingReflection.author", privacy.DELETE, "Their own reflections."
        ),
        privacy.Holding(
            "supervision.CaseComment.author",
            privacy.KEEP,
            "A comment is part of a case another person owns; kept under the tombstone name.",
        ),
        privacy.Holding(
            "supervision.SubmissionKey.person",
            privacy.DELETE,
            "Which forms they sent, kept only so a double click does not create twice.",
        ),
        privacy.Holding("supervision.Supervision.supervisor", privacy.KEEP, RELATIONSHIP_KEPT),
        privacy.Holding("supervision.Supervision.supervisee", privacy.KEEP, RELATIONSHIP_KEPT),
        privacy.Holding("supervision.SupervisionGroup.supervisor", privacy.KEEP, RELATIONSHIP_KEPT),
        privacy.Holding("supervision.Meeting.supervisor", privacy.KEEP, RECORD_KEPT),
        privacy.Holding("supervision.Meeting.recorded_by", privacy.KEEP, RECORD_KEPT),
        privacy.Holding("supervision.Meeting.updated_by", privacy.KEEP, RECORD_KEPT),
        privacy.Holding(
            "supervision.Invitation.invited_by",
            privacy.KEEP,
            "Who invited whom stays with the invitation; it names the tombstone.",
        ),
        privacy.Holding(
            "supervision.Invitation.supervisor",
            privacy.KEEP,
            "Who invited whom stays with the invitation; it names the tombstone.",
        ),
        privacy.Holding(
            "supervision.HoursSignOff.submitted_by",
            privacy.KEEP,
            "A signed period of hours is the relationship's record; kept, naming the tombstone.",
        ),
        privacy.Holding(
            "supervision.HoursSignOff.decided_by",
            privacy.KEEP,
            "A signed period of hours is the relationship's record; kept, naming the tombstone.",
        ),
        privacy.Holding("supervision.ReadRecord.reader", privacy.KEEP, AUDIT_KEPT),
        privacy.Holding("supervision.ReadRecord.owner", privacy.KEEP, AUDIT_KEPT),
        privacy.Holding(
            "supervision.User.groups", privacy.DELETE, "An erased person belongs to no group."
        ),
        privacy.Holding(
            "supervision.User.user_permissions", privacy.DELETE, privacy.PERMISSIONS_GONE
        ),
        *privacy.object_permissions(
            *(
                f"supervision.{name}UserObjectPermission"
                for name in (
                    "Case",
                    "Meeting",
                    "MeetingReflection",
                    "Supervision",
                    "SupervisionGroup",
                )
            )
        ),
    ),
    exports=(
        privacy.Export("Profile", profile),
        privacy.Export("Supervision relationships", relationships),
        privacy.Export("Meetings", meetings),
        privacy.Export("Cases", cases),
        privacy.Export("Comments on cases", case_comments),
        privacy.Export("Reflections on meetings", reflections),
        privacy.Export("Who read your material", reads),
    ),
)
