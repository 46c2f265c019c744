"""Starting and ending relationships and groups: the rules, the administrators' pages and bad input."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from supervision.models import Case, Supervision, SupervisionGroup
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import (
    supervision_end,
    supervision_group_end,
    supervision_start,
)
from tests.factories import UserFactory, make_case, make_group, make_meeting, make_supervision

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate
START = reverse("supervision:relationship_start")


def days(n: int) -> datetime.timedelta:
    return datetime.timedelta(days=n)


# --- Services -------------------------------------------------------------------------------


def test_one_person_supervises_in_one_relationship_and_is_supervised_in_another():
    senior, middle, junior = UserFactory(), UserFactory(), UserFactory()
    make_supervision(senior, middle, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    make_supervision(middle, junior)
    assert middle.supervisions_given.count() == 1
    assert middle.supervisions_received.count() == 1


def test_a_group_has_one_supervisor_and_several_supervisees():
    supervisor = UserFactory()
    members = [UserFactory(), UserFactory(), UserFactory()]
    group = make_group(supervisor, members)
    memberships = group.memberships.all()
    assert {m.supervisee for m in memberships} == set(members)
    assert all(m.supervisor == supervisor for m in memberships)
    assert all(m.format == Supervision.Format.GROUP for m in memberships)


def test_individual_and_group_supervision_with_the_same_supervisor_can_run_together(
    supervisor, supervisee
):
    make_supervision(supervisor, supervisee)
    group = make_group(supervisor, [supervisee])
    assert Supervision.objects.current().filter(supervisee=supervisee).count() == 2
    with pytest.raises(ValidationError) as error:
        supervision_start(supervisor=supervisor, supervisee=supervisee, group=group)
    assert "already a member" in str(error.value)


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ("self", "supervisee", "cannot supervise themselves"),
        ("duplicate", "supervisee", "already have an individual supervision"),
        ("far_future", "started_on", "at most a year ahead"),
    ],
)
def test_start_refuses_bad_relationships(supervisor, supervisee, change, field, message):
    make_supervision(supervisor, supervisee)
    arguments = {"supervisor": supervisor, "supervisee": supervisee}
    if change == "self":
        arguments["supervisee"] = supervisor
    if change == "far_future":
        arguments = {
            "supervisor": supervisor,
            "supervisee": UserFactory(),
            "started_on": TODAY() + days(400),
        }
    before = Supervision.objects.count()
    with pytest.raises(ValidationError) as error:
        supervision_start(**arguments)
    assert message in " ".join(error.value.message_dict[field])
    assert Supervision.objects.count() == before


@pytest.mark.parametrize(
    ("ended_on", "message"),
    [
        (-40, "cannot be before the start"),
        (+1, "cannot be in the future"),
        (-5, "cannot end before it"),
    ],
)
def test_end_refuses_bad_dates(supervision, ended_on, message):
    make_meeting(supervision, date=TODAY() - days(2))
    with pytest.raises(ValidationError) as error:
        supervision_end(supervision=supervision, ended_on=TODAY() + days(ended_on))
    assert message in " ".join(error.value.message_dict["ended_on"])
    supervision.refresh_from_db()
    assert supervision.ended_on is None


def test_ending_keeps_past_records_readable_but_closed(supervisor, supervisee, supervision):
    case = make_case(supervision)
    meeting = make_meeting(supervision, cases=[case])
    supervision_end(supervision=supervision)

    for person in (supervisor, supervisee):
        checker = ClinicalPermissionChecker(person)
        assert checker.has_perm("view_supervision", supervision)
        assert checker.has_perm("view_meeting", meeting)
        assert checker.has_perm("view_case", case)
        assert not checker.has_perm("record_meeting", supervision)
        assert not checker.has_perm("change_meeting", meeting)
        assert not checker.has_perm("comment_case", case)
    assert not ClinicalPermissionChecker(supervisee).has_perm("bring_case", supervision)
    assert ClinicalPermissionChecker(supervisee).has_perm("change_case", case)
    assert not ClinicalPermissionChecker(supervisor).has_perm("delete_meeting", meeting)


def test_an_end_entered_after_the_fact_takes_back_what_was_created_after_it(
    supervisor, supervisee, supervision
):
    before_end = make_case(supervision, "Before")
    after_end = make_case(supervision, "After")
    Case.objects.filter(pk=before_end.pk).update(created_at=timezone.now() - days(20))
    supervision_end(supervision=supervision, ended_on=TODAY() - days(10))
    checker = ClinicalPermissionChecker(supervisor)
    assert checker.has_perm("view_case", before_end)
    assert not checker.has_perm("view_case", after_end)
    assert ClinicalPermissionChecker(supervisee).has_perm("view_case", after_end)


def test_ending_takes_effect_on_the_next_request(client, supervisor, supervisee, supervision):
    client.force_login(supervisor)
    record = reverse("supervision:meeting_create", args=[supervision.pk])
    assert client.get(record).status_code == 200
    supervision_end(supervision=supervision)
    assert client.get(record).status_code == 403
    # A case the supervisee brings afterwards, to a new supervisor, is not the old one's to read.
    new = make_supervision(UserFactory(), supervisee)
    later_case = make_case(new, "Later")
    response = client.get(reverse("supervision:case_detail", args=[later_case.pk]))
    assert response.status_code == 404


def test_ending_a_group_ends_every_membership(supervisor):
    group = make_group(supervisor)
    meeting = make_meeting(group=group)
    supervision_group_end(group=group)
    group.refresh_from_db()
    assert group.ended_on == TODAY()
    assert not group.memberships.current().exists()
    assert not ClinicalPermissionChecker(supervisor).has_perm("record_meeting", group)
    assert not ClinicalPermissionChecker(supervisor).has_perm("change_meeting", meeting)
    assert ClinicalPermissionChecker(supervisor).has_perm("view_meeting", meeting)


def test_group_credit_rules():
    group = SupervisionGroup(credit_rule=SupervisionGroup.CreditRule.FULL)
    assert group.credited_minutes(120, 4) == 120
    group.credit_rule = SupervisionGroup.CreditRule.SHARED
    assert group.credited_minutes(120, 4) == 30
    assert str(group.credited_minutes(100, 3)) == "33.33"
    group.credit_rule, group.credit_percent = SupervisionGroup.CreditRule.PERCENT, 50
    assert group.credited_minutes(120, 4) == 60


# --- The administrators' pages ----------------------------------------------------------------


def test_administrator_starts_a_relationship(client, administrator, supervisor, supervisee):
    client.force_login(administrator)
    response = client.post(
        START,
        {
            "supervisor": supervisor.pk,
            "supervisee": supervisee.pk,
            "kind": "clinical",
            "started_on": TODAY().isoformat(),
        },
    )
    assert response.status_code == 302
    supervision = Supervision.objects.get(supervisor=supervisor, supervisee=supervisee)
    assert ClinicalPermissionChecker(supervisee).has_perm("bring_case", supervision)
    # The administrator manages the relationship but holds no permission on it.
    assert not ClinicalPermissionChecker(administrator).has_perm("view_supervision", supervision)


@pytest.mark.parametrize(
    ("case", "field", "message"),
    [
        ("self", "supervisee", "A person cannot supervise themselves."),
        ("duplicate", "supervisee", "already have an individual supervision"),
        ("no_date", "started_on", "This field is required."),
    ],
)
def test_start_page_explains_bad_input_next_to_the_field(
    client, administrator, supervisor, supervisee, case, field, message
):
    if case == "duplicate":
        make_supervision(supervisor, supervisee)
    client.force_login(administrator)
    data = {
        "supervisor": supervisor.pk,
        "supervisee": supervisor.pk if case == "self" else supervisee.pk,
        "kind": "meta",
        "started_on": "" if case == "no_date" else TODAY().isoformat(),
    }
    before = Supervision.objects.count()
    response = client.post(START, data)
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors[field])
    # What was typed is kept.
    assert response.context["form"]["kind"].value() == "meta"
    assert f'id="id_{field}_error"' in response.content.decode()
    assert Supervision.objects.count() == before


def test_end_page_refuses_an_end_before_the_start(client, administrator, supervision):
    client.force_login(administrator)
    url = reverse("supervision:relationship_end", args=[supervision.pk])
    early = (supervision.started_on - days(1)).isoformat()
    response = client.post(url, {"ended_on": early})
    assert response.status_code == 200
    assert "cannot be before the start" in str(response.context["form"].errors["ended_on"])
    assert response.context["form"]["ended_on"].value() == early
    supervision.refresh_from_db()
    assert supervision.ended_on is None
    assert client.post(url, {"ended_on": TODAY().isoformat()}).status_code == 302
    supervision.refresh_from_db()
    assert supervision.ended_on == TODAY()
    # Ending twice is refused with a message, not an error page.
    response = client.post(url, {"ended_on": TODAY().isoformat()})
    assert response.status_code == 200
    assert "already ended" in str(response.context["form"].errors["ended_on"])


def test_administrator_starts_a_group_and_manages_its_members(client, administrator, supervisor):
    first, second, late = UserFactory(), UserFactory(), UserFactory()
    client.force_login(administrator)
    response = client.post(
        reverse("supervision:group_start"),
        {
            "name": "Monday group",
            "supervisor": supervisor.pk,
            "kind": "clinical",
            "started_on": TODAY().isoformat(),
            "members": [first.pk, second.pk],
            "credit_rule": "percent",
            "credit_percent": "",
        },
    )
    assert response.status_code == 200
    assert "Enter the percentage" in str(response.context["form"].errors["credit_percent"])
    assert not SupervisionGroup.objects.exists()

    response = client.post(
        reverse("supervision:group_start"),
        {
            "name": "Monday group",
            "supervisor": supervisor.pk,
            "kind": "clinical",
            "started_on": TODAY().isoformat(),
            "members": [first.pk, second.pk],
            "credit_rule": "percent",
            "credit_percent": "50",
        },
    )
    group = SupervisionGroup.objects.get()
    assert response.status_code == 302
    assert group.credit_percent == 50
    assert group.memberships.count() == 2

    add = reverse("supervision:group_member_add", args=[group.pk])
    response = client.post(
        add, {"member-supervisee": supervisor.pk, "member-started_on": TODAY().isoformat()}
    )
    assert response.status_code == 200
    assert "cannot supervise themselves" in str(response.context["member_form"].errors)
    response = client.post(
        add, {"member-supervisee": late.pk, "member-started_on": TODAY().isoformat()}
    )
    assert response.status_code == 302
    assert group.memberships.count() == 3

    update = reverse("supervision:group_update", args=[group.pk])
    response = client.post(update, {"details-name": "  ", "details-credit_rule": "full"})
    assert response.status_code == 200
    response = client.post(update, {"details-name": "Tuesday group", "details-credit_rule": "full"})
    group.refresh_from_db()
    assert (group.name, group.credit_rule, group.credit_percent) == ("Tuesday group", "full", None)

    end = reverse("supervision:group_end", args=[group.pk])
    response = client.post(end, {"end-ended_on": (TODAY() + days(3)).isoformat()})
    assert response.status_code == 200
    assert "cannot be in the future" in str(response.context["end_form"].errors["ended_on"])
    assert client.post(end, {"end-ended_on": TODAY().isoformat()}).status_code == 302
    assert not group.memberships.current().exists()


def test_group_members_must_not_include_the_supervisor(client, administrator, supervisor):
    client.force_login(administrator)
    response = client.post(
        reverse("supervision:group_start"),
        {
            "name": "Odd group",
            "supervisor": supervisor.pk,
            "kind": "clinical",
            "started_on": TODAY().isoformat(),
            "members": [supervisor.pk],
            "credit_rule": "full",
        },
    )
    assert response.status_code == 200
    assert "cannot also be a member" in str(response.context["form"].errors["members"])
    assert not SupervisionGroup.objects.exists()


def test_administrators_group_members_may_manage_relationships(client, supervisor):
    from supervision.roles import ADMINISTRATORS_GROUP
    from supervision.services.people import groups_ensure

    staff = UserFactory()
    staff.groups.add(groups_ensure()[ADMINISTRATORS_GROUP])
    client.force_login(staff)
    assert client.get(reverse("supervision:manage")).status_code == 200


def test_manage_page_shows_people_and_dates_but_no_clinical_content(
    client, administrator, supervision
):
    case = make_case(supervision, "Secret-Pseudonym")
    make_meeting(supervision, cases=[case], summary="Secret summary")
    client.force_login(administrator)
    content = client.get(reverse("supervision:manage")).content.decode()
    assert supervision.supervisee.name in content
    assert "Secret-Pseudonym" not in content
    assert "Secret summary" not in content
    ended = client.get(reverse("supervision:manage") + "?status=ended").content.decode()
    assert supervision.supervisee.name not in ended
    assert client.get(reverse("supervision:manage") + "?status=nonsense").status_code == 200


def test_starting_the_same_group_twice_makes_one_group(client, administrator, supervisor):
    client.force_login(administrator)
    data = {
        "name": "Monday group",
        "supervisor": supervisor.pk,
        "kind": "clinical",
        "started_on": TODAY().isoformat(),
        "credit_rule": "full",
    }
    assert client.post(reverse("supervision:group_start"), data).status_code == 302
    response = client.post(reverse("supervision:group_start"), data)
    assert response.status_code == 200
    assert "already leads a group with this name" in str(response.context["form"].errors["name"])
    assert SupervisionGroup.objects.count() == 1
