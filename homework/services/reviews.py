"""Recording the homework review at the next meeting."""

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from homework.models import Assignment, Review
from worksheets.models import Entry

REVIEW_FIELDS = (
    "outcome",
    "learned",
    "obstacles_met",
    "effort",
    "difficulty",
    "reason",
    "reason_detail",
    "next_step",
)


@transaction.atomic
def review_record(
    *,
    assignment: Assignment,
    recorder,
    data: dict[str, Any],
    meeting=None,
    reviewed_on: datetime.date | None = None,
    occurrence=None,
) -> Review:
    """Both people in the supervision record the review together; a second save updates it.

    One review per assignment and day (``reviewed_on``, the meeting's date when given); saving
    again that day edits it. Raises PermissionDenied for anyone outside the supervision, for a
    proposal, or for a meeting of another supervision, and ValidationError for a meeting that
    has not taken place yet (issue 16: reviews happen at meetings, not before them).
    With ``occurrence`` (one released step of a homework in steps, issue 17) the review is of
    that step: one per step and day, and the homework as a whole stays open; so does a homework
    in steps reviewed as a whole before all its steps are handed in (unless it is dropped).
    """
    assignment = (
        Assignment.objects.select_for_update().select_related("supervision").get(pk=assignment.pk)
    )
    supervision = assignment.supervision
    if recorder.pk not in (supervision.supervisor_id, supervision.supervisee_id):
        raise PermissionDenied
    if assignment.status == Assignment.Status.PROPOSED:
        raise PermissionDenied("A proposal is accepted before it is reviewed.")
    if meeting is not None and not meeting.attendances.filter(supervision=supervision).exists():
        raise PermissionDenied("That meeting was not part of this homework's supervision.")
    today = timezone.localdate()
    if meeting is not None and meeting.date > today:
        raise ValidationError(
            f"The meeting of {meeting.date:%d %B %Y} has not taken place yet: "
            "review the homework at that meeting or after it."
        )
    reviewed_on = reviewed_on or today
    if reviewed_on > today:
        raise ValidationError("A review is recorded on the day it happens, not in advance.")
    if occurrence is not None and (occurrence.assignment_id != assignment.pk or occurrence.held):
        raise PermissionDenied("Only a released step of this homework is reviewed on its own.")
    review = Review.objects.filter(
        assignment=assignment, occurrence=occurrence, reviewed_on=reviewed_on
    ).first()
    review = review or Review(assignment=assignment, occurrence=occurrence, reviewed_on=reviewed_on)
    for name in REVIEW_FIELDS:
        value = data.get(name)
        setattr(
            review, name, "" if value is None and name not in ("effort", "difficulty") else value
        )
    if review.outcome == Review.Outcome.DONE:
        review.reason = review.reason or ""
    review.recorded_by = recorder
    review.meeting = meeting or review.meeting
    review.full_clean()
    review.save()
    if occurrence is not None:
        return review  # a step reviewed; the homework as a whole goes on
    if (
        assignment.schedule == Assignment.Schedule.STEPS
        and review.next_step != Review.NextStep.DROP
        and assignment.expected.exclude(entry__status=Entry.Status.SUBMITTED).exists()
    ):
        return review  # a pathway reviewed half-way goes on to its remaining steps

    assignment.status = (
        Assignment.Status.DROPPED
        if review.next_step == Review.NextStep.DROP
        else Assignment.Status.REVIEWED
    )
    assignment.version += 1
    assignment.save(update_fields=["status", "version", "updated_at"])
    return review
