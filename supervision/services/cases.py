"""Cases and the conversation about them: a supervisee brings a case, their supervisor reads and comments."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from supervision.models import Case, CaseComment, Supervision, User
from supervision.permissions import grant

OWNER_PERMS = ("view_case", "change_case", "delete_case", "comment_case")
SUPERVISOR_PERMS = ("view_case", "comment_case")
CASE_FIELDS = (
    "pseudonym",
    "status",
    "presenting_problem",
    "goals",
    "conceptualisation",
    *Case.VICIOUS_CIRCLE,
)


@transaction.atomic
def case_create(
    *,
    supervision: Supervision,
    author: User,
    **fields,
) -> Case:
    # Only the supervisee of a supervision that has not ended brings cases to it.
    if supervision.supervisee_id != author.pk or supervision.ended_on is not None:
        raise ValidationError({"supervision": "Choose one of your current supervisions."})
    case = Case(supervision=supervision)
    _set_fields(case, fields)
    case.full_clean()
    case.save()
    grant(author, OWNER_PERMS, case)
    grant(supervision.supervisor, SUPERVISOR_PERMS, case)
    return case


@transaction.atomic
def case_update(*, case: Case, **fields) -> Case:
    case = Case.objects.select_for_update().get(pk=case.pk)
    _set_fields(case, fields)
    case.full_clean()
    case.save()
    return case


@transaction.atomic
def case_delete(*, case: Case) -> None:
    """Delete a case its owner added by mistake; one already discussed stays in the record.

    Checked against the case's history, not only its state: a comment by someone else or a
    meeting that discussed it would be lost with it (issue 10). Raises ValidationError.
    """
    case = Case.objects.select_for_update().get(pk=case.pk)
    owner = case.supervision.supervisee_id
    if case.comments.exclude(author_id=owner).exists() or case.meetings.exists():
        raise ValidationError(
            "This case has been discussed (in a meeting or in your supervisor's comments), so "
            "it stays in the record. Mark it closed instead."
        )
    # The direct foreign-key permission rows go with the case (on_delete=CASCADE).
    case.delete()


@transaction.atomic
def case_comment_add(*, case: Case, author: User, text: str) -> CaseComment:
    supervision = case.supervision
    if author.pk not in (supervision.supervisee_id, supervision.supervisor_id):
        raise PermissionDenied("Only the supervisee and their supervisor comment on a case.")
    if supervision.ended_on is not None:
        raise PermissionDenied("The supervision has ended; its cases take no new comments.")
    comment = CaseComment(case=case, author=author, text=text)
    comment.full_clean()
    comment.save()
    return comment


def _set_fields(case: Case, fields: dict) -> None:
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise TypeError(f"Unknown case fields: {', '.join(sorted(unknown))}")
    for name, value in fields.items():
        setattr(case, name, value.strip() if isinstance(value, str) else value)
