"""The homework review: outcome, learning, obstacles, and for undone work the reason and next step."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment, Review
from homework.selectors import engagement_for_supervisions
from homework.services.reviews import review_record
from tests.factories import UserFactory, make_supervision
from tests.homework.factories import make_assignment

pytestmark = pytest.mark.django_db


def review_url(assignment):
    return reverse("homework:review_create", args=[assignment.pk])


def test_the_pair_records_a_not_attempted_review_with_reason_and_next_step(
    client, supervision, supervisee
):
    assignment = make_assignment(supervision)
    client.force_login(supervisee)
    response = client.post(
        review_url(assignment),
        {
            "outcome": "not_attempted",
            "reason": "too_demanding",
            "next_step": "easier",
            "obstacles_met": "Two sick days",
            "effort": "2",
            "difficulty": "8",
        },
    )
    assert response.status_code == 302
    review = Review.objects.get()
    assert (review.reason, review.next_step) == ("too_demanding", "easier")
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.REVIEWED
    page = client.get(reverse("homework:assignment_detail", args=[assignment.pk]))
    assert "too demanding at the moment" in page.content.decode()


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"outcome": "partly", "next_step": "keep"}, "reason"),
        ({"outcome": "not_attempted", "reason": "unclear"}, "next_step"),
        ({"outcome": "partly", "reason": "other", "next_step": "adapt"}, "reason_detail"),
        ({"outcome": "done", "effort": "11"}, "effort"),
        ({"outcome": "maybe"}, "outcome"),
    ],
)
def test_incomplete_reviews_are_refused_beside_the_field(
    client, supervision, supervisor, data, field
):
    assignment = make_assignment(supervision)
    client.force_login(supervisor)
    response = client.post(review_url(assignment), {"learned": "Kept text", **data})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert "Kept text" in response.content.decode()
    assert not Review.objects.exists()


def test_dropping_at_review_drops_the_homework(supervision, supervisor):
    assignment = make_assignment(supervision)
    review_record(
        assignment=assignment,
        recorder=supervisor,
        data={"outcome": "not_attempted", "reason": "not_important", "next_step": "drop"},
    )
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DROPPED


def test_a_second_save_the_same_day_updates_the_review(supervision, supervisor, supervisee):
    assignment = make_assignment(supervision)
    review_record(assignment=assignment, recorder=supervisor, data={"outcome": "done"})
    review_record(
        assignment=assignment,
        recorder=supervisee,
        data={"outcome": "partly", "reason": "circumstances", "next_step": "keep"},
    )
    assert Review.objects.get().outcome == "partly"


def test_outsiders_cannot_review(client, supervision):
    assignment = make_assignment(supervision)
    other_supervision = make_supervision()
    client.force_login(other_supervision.supervisor)
    response = client.post(review_url(assignment), {"outcome": "done"})
    assert response.status_code == 404
    assert not Review.objects.exists()
    with pytest.raises(PermissionDenied):
        review_record(assignment=assignment, recorder=UserFactory(), data={"outcome": "done"})


def test_engagement_counts_outcomes_and_reasons_by_week(supervision, supervisor):
    today = timezone.localdate()
    outcomes = [
        ("done", "", ""),
        ("partly", "circumstances", "keep"),
        ("not_attempted", "too_demanding", "easier"),
    ]
    for offset, (outcome, reason, next_step) in enumerate(outcomes):
        assignment = make_assignment(supervision, title=f"Task {offset}")
        review_record(
            assignment=assignment,
            recorder=supervisor,
            data={"outcome": outcome, "reason": reason, "next_step": next_step},
            reviewed_on=today - datetime.timedelta(days=7 * offset),
        )
    engagement = engagement_for_supervisions([supervision.pk], weeks=4, today=today)[supervision.pk]
    assert engagement.total == 3
    assert engagement.weeks[-1].done == 1
    assert engagement.weeks[-2].partly == 1
    assert engagement.weeks[-3].not_attempted == 1
    assert dict(engagement.reasons) == {
        "Circumstances got in the way": 1,
        "Too demanding at the moment": 1,
    }


# --- Issue 16: reviews at meetings that have taken place, edited once recorded ---------------


def test_a_meeting_still_planned_offers_no_review_and_the_service_refuses_one(
    client, supervision, supervisor
):
    from django.core.exceptions import ValidationError

    from tests.factories import make_meeting

    assignment = make_assignment(supervision, starts_on=timezone.localdate())
    planned = make_meeting(supervision, date=timezone.localdate() + datetime.timedelta(days=5))
    client.force_login(supervisor)

    record = client.get(reverse("supervision:meeting_detail", args=[planned.pk])).content.decode()
    assert "Reviewed at this meeting once it has taken place." in record
    assert f"{review_url(assignment)}?meeting={planned.pk}" not in record

    response = client.post(
        f"{review_url(assignment)}?meeting={planned.pk}", {"outcome": "done", "meeting": planned.pk}
    )
    assert response.status_code == 200
    assert "has not taken place yet" in response.content.decode()
    assert not Review.objects.exists()
    with pytest.raises(ValidationError):
        review_record(
            assignment=assignment, recorder=supervisor, data={"outcome": "done"}, meeting=planned
        )


def test_once_recorded_the_review_is_edited_and_shown_on_the_meeting_record(
    client, supervision, supervisor
):
    from tests.factories import make_meeting

    assignment = make_assignment(supervision, starts_on=timezone.localdate())
    meeting = make_meeting(supervision, date=timezone.localdate())
    client.force_login(supervisor)
    url = f"{review_url(assignment)}?meeting={meeting.pk}"
    client.post(
        url,
        {
            "outcome": "partly",
            "reason": "circumstances",
            "next_step": "keep",
            "learned": "Quiet moments pull me in.",
        },
    )

    record = client.get(reverse("supervision:meeting_detail", args=[meeting.pk])).content.decode()
    assert "Edit the review" in record
    assert "Quiet moments pull me in." in record
    assert "Circumstances got in the way" in record
    detail = client.get(reverse("homework:assignment_detail", args=[assignment.pk]))
    assert "Edit the review" in detail.content.decode()

    form = client.get(url)
    assert "Edit the review of" in form.content.decode()
    assert form.context["form"].initial["learned"] == "Quiet moments pull me in."
    client.post(url, {"outcome": "done", "learned": "Holding back works."})
    review = Review.objects.get()
    assert (review.outcome, review.learned) == ("done", "Holding back works.")
