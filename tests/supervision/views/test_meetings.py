"""Meetings: either party drafts, both read and edit, bad input is explained, nothing is lost."""

import datetime
import uuid

import pytest
from django.urls import reverse
from django.utils import timezone

from supervision.models import Meeting, MeetingReflection
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.meetings import meeting_update
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_case, make_group, make_meeting, make_supervision

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def days(n):
    return datetime.timedelta(days=n)


def meeting_data(**overrides):
    data = {
        "date": (TODAY() - days(1)).isoformat(),
        "starts_at": "10:00",
        "duration_minutes": "60",
        "mode": "video",
        "observation": "recorded",
        "agenda": "1. Homework. 2. Exposure plan.",
        "homework_review": "Reading done.",
        "summary": "A useful hour.",
        "submission_key": str(uuid.uuid4()),
    }
    data.update(overrides)
    return data


def test_supervisor_records_a_meeting_and_the_supervisee_sees_it(
    client, supervisor, supervisee, supervision
):
    case = make_case(supervision, "Rowan")
    client.force_login(supervisor)
    url = reverse("supervision:meeting_create", args=[supervision.pk])
    response = client.post(
        url, meeting_data(cases_discussed=[case.pk], supervisor_evaluation="Well prepared.")
    )
    meeting = Meeting.objects.get()
    assert response.status_code == 302
    assert meeting.duration_minutes == 60
    assert meeting.observation == Meeting.Observation.RECORDED
    assert list(meeting.cases_discussed.all()) == [case]
    assert meeting.supervisor_evaluation == "Well prepared."

    client.force_login(supervisee)
    detail = client.get(reverse("supervision:meeting_detail", args=[meeting.pk]))
    content = detail.content.decode()
    assert "A useful hour." in content and "Well prepared." in content and "Rowan" in content
    # The homework review comes before the work of the meeting.
    assert content.index("Homework review") < content.index("Work on the chosen issue")


def test_the_supervisee_drafts_a_meeting_too(client, supervisor, supervisee, supervision):
    client.force_login(supervisee)
    url = reverse("supervision:meeting_create", args=[supervision.pk])
    response = client.post(url, meeting_data(supervisee_feedback="Helpful."))
    assert response.status_code == 302
    meeting = Meeting.objects.get()
    assert meeting.recorded_by == supervisee
    assert ClinicalPermissionChecker(supervisor).has_perm("change_meeting", meeting)


def test_each_party_writes_only_their_own_closing_section(client, supervisee, supervision):
    client.force_login(supervisee)
    form = client.get(reverse("supervision:meeting_create", args=[supervision.pk])).context["form"]
    assert "supervisee_feedback" in form.fields
    assert "supervisor_evaluation" not in form.fields
    client.post(
        reverse("supervision:meeting_create", args=[supervision.pk]),
        meeting_data(supervisor_evaluation="I rate myself highly"),
    )
    assert Meeting.objects.get().supervisor_evaluation == ""


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("duration_minutes", "-30", "at least 1 minute"),
        ("duration_minutes", "0", "at least 1 minute"),
        ("duration_minutes", "481", "at most eight hours"),
        ("duration_minutes", "sixty", "Enter a whole number."),
        ("date", (TODAY() + days(800)).isoformat(), "at most a year ahead"),
        ("date", (TODAY() - days(400)).isoformat(), "the meeting cannot be earlier"),
        ("date", "", "This field is required."),
        ("mode", "telepathy", "Select a valid choice."),
    ],
)
def test_bad_meeting_input_is_refused_next_to_the_field(
    client, supervisor, supervision, field, value, message
):
    client.force_login(supervisor)
    url = reverse("supervision:meeting_create", args=[supervision.pk])
    response = client.post(url, meeting_data(**{field: value}))
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    assert "1. Homework. 2. Exposure plan." in response.content.decode()
    assert not Meeting.objects.exists()


def test_a_planned_meeting_in_the_near_future_is_fine(client, supervisor, supervision):
    client.force_login(supervisor)
    url = reverse("supervision:meeting_create", args=[supervision.pk])
    response = client.post(url, meeting_data(date=(TODAY() + days(14)).isoformat()))
    assert response.status_code == 302


def test_double_submit_records_one_meeting(client, supervisor, supervision):
    client.force_login(supervisor)
    url = reverse("supervision:meeting_create", args=[supervision.pk])
    data = meeting_data()
    assert client.post(url, data).url == client.post(url, data).url
    assert Meeting.objects.count() == 1


def test_cases_of_other_people_cannot_be_slipped_into_a_meeting(client, supervisor, supervision):
    stranger_case = make_case(make_supervision(), "Not-Yours")
    client.force_login(supervisor)
    url = reverse("supervision:meeting_create", args=[supervision.pk])
    response = client.post(url, meeting_data(cases_discussed=[stranger_case.pk]))
    assert response.status_code == 200
    assert "Select a valid choice" in str(response.context["form"].errors["cases_discussed"])
    assert not Meeting.objects.exists()


def test_both_parties_edit_and_a_conflict_keeps_the_second_editors_text(
    client, supervisor, supervisee, supervision
):
    meeting = make_meeting(supervision, summary="First version")
    url = reverse("supervision:meeting_update", args=[meeting.pk])
    opened_at_revision = meeting.revision
    # The supervisor saves while the supervisee still has the form open.
    meeting_update(
        meeting=meeting,
        editor=supervisor,
        revision=opened_at_revision,
        sections={"summary": "Supervisor's words"},
    )
    client.force_login(supervisee)
    data = meeting_data(
        date=meeting.date.isoformat(),
        revision=opened_at_revision,
        summary="Supervisee's words",
    )
    response = client.post(url, data)
    assert response.status_code == 200
    assert "saved changes to this meeting" in str(response.context["form"].non_field_errors())
    assert "Supervisee&#x27;s words" in response.content.decode()
    meeting.refresh_from_db()
    assert meeting.summary == "Supervisor's words"
    # Saving again, having seen the warning, goes through on purpose.
    data["revision"] = response.context["form"]["revision"].value()
    assert client.post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.summary == "Supervisee's words"
    assert meeting.updated_by == supervisee


def test_sending_the_same_edit_twice_is_not_a_conflict(client, supervisor, supervision):
    meeting = make_meeting(supervision)
    url = reverse("supervision:meeting_update", args=[meeting.pk])
    client.force_login(supervisor)
    data = meeting_data(date=meeting.date.isoformat(), revision=meeting.revision)
    assert client.post(url, data).status_code == 302
    assert client.post(url, data).status_code == 302
    meeting.refresh_from_db()
    assert meeting.revision == 2


def test_editing_keeps_cases_the_editor_cannot_see(client, supervisor):
    first, second = UserFactory(), UserFactory()
    group = make_group(supervisor, [first, second])
    first_case = make_case(group.memberships.get(supervisee=first), "First-Case")
    second_case = make_case(group.memberships.get(supervisee=second), "Second-Case")
    meeting = make_meeting(group=group, cases=[first_case, second_case])
    client.force_login(first)
    detail = client.get(reverse("supervision:meeting_detail", args=[meeting.pk]))
    content = detail.content.decode()
    assert "First-Case" in content
    assert "Second-Case" not in content
    assert "1 case of other members" in content
    data = meeting_data(
        date=meeting.date.isoformat(),
        revision=meeting.revision,
        attendees=[m.pk for m in group.memberships.all()],
        cases_discussed=[],
    )
    assert (
        client.post(reverse("supervision:meeting_update", args=[meeting.pk]), data).status_code
        == 302
    )
    assert list(meeting.cases_discussed.all()) == [second_case]


def test_group_meeting_records_who_was_there(client, supervisor):
    present, absent = UserFactory(), UserFactory()
    group = make_group(supervisor, [present, absent])
    client.force_login(supervisor)
    url = reverse("supervision:group_meeting_create", args=[group.pk])
    response = client.post(url, meeting_data(attendees=[]))
    assert response.status_code == 200
    assert "Choose who was at the meeting." in str(response.context["form"].errors["attendees"])
    membership = group.memberships.get(supervisee=present)
    assert client.post(url, meeting_data(attendees=[membership.pk])).status_code == 302
    meeting = Meeting.objects.get()
    assert ClinicalPermissionChecker(present).has_perm("view_meeting", meeting)
    assert not ClinicalPermissionChecker(absent).has_perm("view_meeting", meeting)


def test_group_member_who_left_cannot_be_added_to_a_new_meeting(client, supervisor):
    stays, leaves = UserFactory(), UserFactory()
    group = make_group(supervisor, [stays, leaves])
    left = group.memberships.get(supervisee=leaves)
    supervision_end(supervision=left)
    client.force_login(supervisor)
    response = client.post(
        reverse("supervision:group_meeting_create", args=[group.pk]),
        meeting_data(attendees=[left.pk]),
    )
    assert response.status_code == 200
    assert not Meeting.objects.exists()


def test_the_supervisee_reflects_privately_and_chooses_to_share(
    client, supervisor, supervisee, supervision
):
    meeting = make_meeting(supervision)
    url = reverse("supervision:meeting_reflection", args=[meeting.pk])
    detail = reverse("supervision:meeting_detail", args=[meeting.pk])
    client.force_login(supervisee)
    response = client.post(url, {"text": "  "})
    assert response.status_code == 200
    assert not MeetingReflection.objects.exists()
    client.post(url, {"text": "I rushed the summary."})
    client.force_login(supervisor)
    assert "I rushed the summary." not in client.get(detail).content.decode()

    client.force_login(supervisee)
    client.post(url, {"text": "I rushed the summary.", "shared_with_supervisor": "on"})
    client.force_login(supervisor)
    assert "I rushed the summary." in client.get(detail).content.decode()

    client.force_login(supervisee)
    client.post(url, {"text": "I rushed the summary."})
    client.force_login(supervisor)
    assert "I rushed the summary." not in client.get(detail).content.decode()
    assert MeetingReflection.objects.count() == 1


def test_a_reflection_cannot_be_newly_shared_after_the_end(client, supervisee, supervision):
    meeting = make_meeting(supervision)
    supervision_end(supervision=supervision)
    client.force_login(supervisee)
    response = client.post(
        reverse("supervision:meeting_reflection", args=[meeting.pk]),
        {"text": "Looking back.", "shared_with_supervisor": "on"},
    )
    assert response.status_code == 200
    assert "can no longer be shared" in str(response.context["form"].errors)
    assert not MeetingReflection.objects.exists()


def test_supervisor_deletes_a_meeting(client, supervisor, supervisee, supervision):
    meeting = make_meeting(supervision)
    client.force_login(supervisee)
    assert client.post(reverse("supervision:meeting_delete", args=[meeting.pk])).status_code == 403
    client.force_login(supervisor)
    assert client.post(reverse("supervision:meeting_delete", args=[meeting.pk])).status_code == 302
    assert not Meeting.objects.exists()


def test_meeting_list_separates_planned_from_past(client, supervisor, supervision):
    past = make_meeting(supervision, date=TODAY() - days(7))
    planned = make_meeting(supervision, date=TODAY() + days(7))
    client.force_login(supervisor)
    response = client.get(reverse("supervision:meeting_list"))
    assert list(response.context["upcoming"]) == [planned]
    assert list(response.context["past"]) == [past]
    # The format reads as a phrase: no space before its comma.
    mode = past.get_mode_display().lower()
    assert f"Individual, {mode}" in " ".join(response.content.decode().split())


def test_meetings_of_a_supervisors_supervisees_are_hidden_from_their_own_supervisor(client):
    senior, middle, junior = UserFactory(), UserFactory(), UserFactory()
    from supervision.models import Supervision

    make_supervision(senior, middle, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    meeting = make_meeting(make_supervision(middle, junior), summary="Junior's meeting")
    client.force_login(senior)
    assert client.get(reverse("supervision:meeting_detail", args=[meeting.pk])).status_code == 404
    assert "Junior" not in client.get(reverse("supervision:meeting_list")).content.decode()


def test_a_member_records_a_group_meeting_they_were_at_but_cannot_change_who_was_there(
    client, supervisor
):
    from django.core.exceptions import PermissionDenied

    member, peer = UserFactory(), UserFactory()
    group = make_group(supervisor, [member, peer])
    peer_place = group.memberships.get(supervisee=peer)
    client.force_login(member)
    url = reverse("supervision:group_meeting_create", args=[group.pk])
    response = client.post(url, meeting_data(attendees=[peer_place.pk]))
    assert response.status_code == 200
    assert "Include yourself" in str(response.context["form"].errors["attendees"])
    assert not Meeting.objects.exists()

    meeting = make_meeting(group=group)
    edit = client.get(reverse("supervision:meeting_update", args=[meeting.pk]))
    assert "attendees" not in edit.context["form"].fields
    with pytest.raises(PermissionDenied):
        meeting_update(
            meeting=meeting, editor=member, revision=meeting.revision, attendees=[peer_place]
        )
    assert meeting.attendances.count() == 2


def test_a_meeting_someone_reflected_on_is_not_deleted(client, supervisor, supervisee):
    """Issue 10, item 1 as a kind: deleting the meeting would delete the supervisee's writing."""
    from supervision.models import Meeting, MeetingReflection
    from supervision.services.meetings import meeting_reflection_save

    supervision = make_supervision(supervisor, supervisee)
    meeting = make_meeting(supervision)
    meeting_reflection_save(
        meeting=meeting, author=supervisee, text="I felt rushed.", shared_with_supervisor=False
    )
    client.force_login(supervisor)
    response = client.post(reverse("supervision:meeting_delete", args=[meeting.pk]), follow=True)
    assert "stays in the record" in response.content.decode()
    assert Meeting.objects.filter(pk=meeting.pk).exists()
    assert MeetingReflection.objects.count() == 1


def test_a_section_past_the_limit_is_refused_beside_it_with_the_text_kept(
    client, supervisor, supervision
):
    """Meeting sections are model TextFields without a length; the form gives them 20,000."""
    client.force_login(supervisor)
    url = reverse("supervision:meeting_create", args=[supervision.pk])
    response = client.post(url, meeting_data(summary="x" * 20_001))
    assert response.status_code == 200
    assert "at most 20000 characters" in " ".join(response.context["form"].errors["summary"])
    assert 'maxlength="20000"' in response.content.decode()
    assert not Meeting.objects.exists()
    assert client.post(url, meeting_data(summary="x" * 20_000)).status_code == 302
