"""What each dashboard shows: supervisees with their meetings and cases, one's own supervision, both apart."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.dateformat import format as date_format

from supervision.models import Case, Supervision
from tests.factories import UserFactory, make_case, make_group, make_meeting, make_supervision

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("supervision:dashboard")


def day(n):
    return timezone.localdate() + datetime.timedelta(days=n)


def test_supervisor_sees_last_and_next_meeting_and_open_cases(
    client, supervisor, supervisee, supervision
):
    make_meeting(supervision, date=day(-21))
    make_meeting(supervision, date=day(-7))
    make_meeting(supervision, date=day(7))
    make_meeting(supervision, date=day(21))
    make_case(supervision, "Open one")
    make_case(supervision, "Open two")
    make_case(supervision, "Closed", status=Case.Status.CLOSED)
    client.force_login(supervisor)
    response = client.get(DASHBOARD)
    [row] = response.context["as_supervisor"]
    # The row as the template prints it (supervision.presenters.SuperviseeRow).
    assert (row.last_meeting, row.next_meeting, row.open_cases) == (
        f"{day(-7):%-d %b %Y}",
        f"{day(7):%-d %b %Y}",
        2,
    )
    content = response.content.decode()
    assert supervisee.name in content
    assert "Record a meeting" in content
    # Pseudonyms stay on the supervisee's own pages; the dashboard shows counts.
    assert "Open one" not in content


def test_supervisor_sees_the_groups_they_lead(client, supervisor):
    group = make_group(supervisor, name="Friday group")
    make_meeting(group=group, date=day(3))
    client.force_login(supervisor)
    content = client.get(DASHBOARD).content.decode()
    assert "Friday group" in content
    assert reverse("supervision:group_detail", args=[group.pk]) in content


def flat(content: str) -> str:
    """The page's text with its white space folded, as a reader meets it."""
    return " ".join(content.split())


def test_both_sides_show_each_relationships_next_meeting_or_none_planned(
    client, supervisor, supervisee, supervision
):
    friday = make_group(supervisor, name="Friday group")
    make_group(supervisor, name="Quiet group")
    make_meeting(group=friday, date=day(3))
    make_meeting(supervision, date=day(-2))
    make_meeting(supervision, date=day(5))
    client.force_login(supervisor)
    groups = flat(client.get(DASHBOARD).content.decode()).split("Groups you lead")[1]
    assert f"Next meeting: {date_format(day(3), 'D j M Y')}" in groups.split("Quiet group")[0]
    assert "Next meeting: none planned" in groups.split("Quiet group")[1]

    client.force_login(supervisee)
    own = flat(client.get(DASHBOARD).content.decode()).split("Your supervisors")[1]
    assert f"Next meeting: {date_format(day(5), 'D j M Y')}" in own.split("Upcoming meeting")[0]


def test_supervisee_sees_supervisors_upcoming_meeting_cases_and_hours(
    client, supervisor, supervisee, supervision
):
    make_meeting(supervision, date=day(-3), duration_minutes=90)
    upcoming = make_meeting(supervision, date=day(4))
    make_case(supervision, "Rowan")
    client.force_login(supervisee)
    response = client.get(DASHBOARD)
    content = response.content.decode()
    assert supervisor.name in content
    assert response.context["upcoming_meeting"] == upcoming
    assert "Rowan" in content
    assert response.context["hours_total"].credited_hours == 1.5
    assert "1.50 in all (1 meeting)" in content
    if day(-3).year == day(0).year:
        assert "1.50 hours credited this year" in content


def test_a_supervisor_in_training_sees_both_sides_clearly_separated(client):
    senior, middle, junior = UserFactory(), UserFactory(), UserFactory(display_name="June Junior")
    own = make_supervision(senior, middle, kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION)
    theirs = make_supervision(middle, junior)
    make_case(own, "Own-Case")
    make_case(theirs, "Junior-Case")
    client.force_login(middle)
    content = client.get(DASHBOARD).content.decode()
    supervisor_side = content[
        content.index("As a supervisor") : content.index("In your own supervision")
    ]
    supervisee_side = content[content.index("In your own supervision") :]
    assert "June Junior" in supervisor_side and "June Junior" not in supervisee_side
    assert "Own-Case" in supervisee_side and "Own-Case" not in supervisor_side
    assert "Junior-Case" not in content
    assert "never visible to your own supervisor" in content


def test_navigation_follows_the_roles(
    client, supervisor, supervisee, supervision, course_editor, administrator
):
    client.force_login(supervisee)
    nav = client.get(DASHBOARD).content.decode()
    for link in ("meeting_list", "case_list", "hours"):
        assert f'href="{reverse("supervision:" + link)}"' in nav
    assert f'href="{reverse("supervision:manage")}"' not in nav

    client.force_login(course_editor)
    nav = client.get(DASHBOARD).content.decode()
    assert f'href="{reverse("supervision:meeting_list")}"' not in nav

    client.force_login(administrator)
    nav = client.get(DASHBOARD).content.decode()
    assert f'href="{reverse("supervision:manage")}"' in nav
    assert "Manage relationships" in nav


def test_relationship_page_lists_its_meetings_and_cases(
    client, supervisor, supervisee, supervision
):
    case = make_case(supervision, "Rowan")
    make_meeting(supervision, cases=[case])
    client.force_login(supervisee)
    response = client.get(reverse("supervision:supervision_detail", args=[supervision.pk]))
    content = response.content.decode()
    assert f"Supervision with {supervisor.name}" in content
    assert "Rowan" in content
    assert "Record a meeting" in content and "Add a case" in content
    assert "Active" in content


def test_group_page_lists_members_and_meetings(client, supervisor, supervisee):
    group = make_group(supervisor, [supervisee, UserFactory(display_name="Gil Member")])
    make_meeting(group=group)
    client.force_login(supervisee)
    response = client.get(reverse("supervision:group_detail", args=[group.pk]))
    content = response.content.decode()
    assert "Gil Member" in content
    assert len(response.context["meetings"]) == 1
    assert "Record a group meeting" in content


def test_after_the_end_the_records_stay_reachable_from_the_dashboard(
    client, supervisor, supervisee, supervision
):
    from supervision.services.relationships import supervision_end

    meeting = make_meeting(supervision)
    supervision_end(supervision=supervision)
    client.force_login(supervisor)
    content = client.get(DASHBOARD).content.decode()
    assert "Ended supervision" in content
    assert reverse("supervision:supervision_detail", args=[supervision.pk]) in content
    assert f'href="{reverse("supervision:meeting_list")}"' in content
    detail = client.get(reverse("supervision:supervision_detail", args=[supervision.pk]))
    assert reverse("supervision:meeting_detail", args=[meeting.pk]) in detail.content.decode()
    assert "Record a meeting" not in detail.content.decode()
