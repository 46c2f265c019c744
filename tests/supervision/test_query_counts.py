"""Every list and dashboard runs the same number of queries for 1 row as for 30."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from supervision.models import CaseComment
from supervision.services.invitations import invitation_create
from supervision.services.meetings import meeting_reflection_save
from supervision.services.relationships import supervision_start
from supervision.services.signoffs import signoff_submit
from tests.factories import UserFactory, make_case, make_group, make_meeting, make_supervision

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("parts_built")]
MANY = 30


def day(n: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=n)


def submit_period(supervision, starts_on, ends_on):
    return signoff_submit(
        supervision=supervision,
        submitted_by=supervision.supervisee,
        starts_on=starts_on,
        ends_on=ends_on,
    )


def signoff_list(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee, started_on=day(400))

    def add(i):
        make_meeting(supervision, date=day(i * 3 + 1))
        submit_period(supervision, day(i * 3 + 2), day(i * 3 + 1))

    return supervisee, reverse("supervision:signoff_list", args=[supervision.pk]), add


def signoff_detail(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee, started_on=day(400))
    make_meeting(supervision, date=day(1))
    signoff = submit_period(supervision, day(200), day(1))

    def add(i):
        make_meeting(supervision, date=day(i + 2), cases=[make_case(supervision)])

    return supervisor, reverse("supervision:signoff_detail", args=[signoff.pk]), add


def supervisor_dashboard(supervisor, supervisee):
    def add(i):
        supervision = make_supervision(supervisor, UserFactory())
        make_case(supervision)
        make_meeting(supervision, date=day(3))
        make_meeting(supervision, date=day(-5))
        submit_period(supervision, day(4), day(2))
        make_group(supervisor, [supervision.supervisee], name=f"Group {i}")
        invitation_create(
            invited_by=supervisor,
            supervisor=supervisor,
            email=f"invitee{i}@example.org",
            site_url="http://testserver/",
        )

    return supervisor, reverse("supervision:dashboard"), add


def supervisee_dashboard(supervisor, supervisee):
    def add(i):
        supervision = make_supervision(UserFactory(), supervisee)
        make_case(supervision)
        make_meeting(supervision, date=day(i + 1))
        make_meeting(supervision, date=day(-i - 1))

    return supervisee, reverse("supervision:dashboard"), add


def meeting_list(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee)

    def add(i):
        case = make_case(supervision)
        make_meeting(supervision, date=day(i + 1), cases=[case])
        make_meeting(supervision, date=day(-i - 1), cases=[case])

    return supervisor, reverse("supervision:meeting_list"), add


def case_list(supervisor, supervisee):
    def add(i):
        make_case(make_supervision(supervisor, UserFactory()))
        make_case(make_supervision(UserFactory(), supervisor))

    return supervisor, reverse("supervision:case_list"), add


def supervision_detail(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee, started_on=day(100))

    def add(i):
        make_meeting(supervision, date=day(i), cases=[make_case(supervision)])

    return supervisor, reverse("supervision:supervision_detail", args=[supervision.pk]), add


def group_detail(supervisor, supervisee):
    group = make_group(supervisor, [supervisee])

    def add(i):
        supervision_start(
            supervisor=supervisor, supervisee=UserFactory(), group=group, started_on=day(30)
        )
        make_meeting(group=group, date=day(i % 20))

    return supervisee, reverse("supervision:group_detail", args=[group.pk]), add


def hours(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee, started_on=day(400))
    group = make_group(supervisor, [supervisee], started_on=day(400))

    def add(i):
        make_meeting(supervision, date=day(i * 11), cases=[make_case(supervision)])
        make_meeting(group=group, date=day(i * 11 + 1))

    return supervisee, reverse("supervision:hours"), add


def hours_csv(supervisor, supervisee):
    user, _, add = hours(supervisor, supervisee)
    return user, reverse("supervision:hours_csv"), add


def supervision_hours(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee, started_on=day(400))

    def add(i):
        make_meeting(supervision, date=day(i * 11), cases=[make_case(supervision)])

    return supervisor, reverse("supervision:supervision_hours", args=[supervision.pk]), add


def case_detail(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee, started_on=day(100))
    case = make_case(supervision)

    def add(i):
        CaseComment.objects.create(case=case, author=supervisor, text=f"Comment {i}")
        make_meeting(supervision, date=day(i), cases=[case])

    return supervisor, reverse("supervision:case_detail", args=[case.pk]), add


def meeting_detail(supervisor, supervisee):
    group = make_group(supervisor, [supervisee])
    meeting = make_meeting(group=group)

    def add(i):
        member = supervision_start(supervisor=supervisor, supervisee=UserFactory(), group=group)
        from supervision.models import Attendance

        Attendance.objects.create(meeting=meeting, supervision=member)
        meeting.cases_discussed.add(make_case(member))
        meeting_reflection_save(
            meeting=meeting,
            author=supervisee,
            text=f"Reflection {i}",
            shared_with_supervisor=True,
        )

    return supervisor, reverse("supervision:meeting_detail", args=[meeting.pk]), add


def meeting_form(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee)
    meeting = make_meeting(supervision)

    def add(i):
        meeting.cases_discussed.add(make_case(supervision))

    return supervisor, reverse("supervision:meeting_update", args=[meeting.pk]), add


def group_meeting_form(supervisor, supervisee):
    group = make_group(supervisor, [supervisee])

    def add(i):
        member = supervision_start(supervisor=supervisor, supervisee=UserFactory(), group=group)
        make_case(member)

    return supervisor, reverse("supervision:group_meeting_create", args=[group.pk]), add


def manage(supervisor, supervisee):
    def add(i):
        make_supervision()
        make_group(UserFactory(), [UserFactory()], name=f"Group {i}")
        invitation_create(
            invited_by=supervisor,
            supervisor=supervisor,
            email=f"invitee{i}@example.org",
            site_url="http://testserver/",
        )

    return "administrator", reverse("supervision:manage"), add


def group_manage(supervisor, supervisee):
    group = make_group(supervisor, [supervisee])

    def add(i):
        supervision_start(supervisor=supervisor, supervisee=UserFactory(), group=group)

    return "administrator", reverse("supervision:group_manage", args=[group.pk]), add


PAGES = [
    signoff_list,
    signoff_detail,
    supervisor_dashboard,
    supervisee_dashboard,
    meeting_list,
    case_list,
    supervision_detail,
    group_detail,
    hours,
    hours_csv,
    supervision_hours,
    case_detail,
    meeting_detail,
    meeting_form,
    group_meeting_form,
    manage,
    group_manage,
]


@pytest.mark.parametrize("page", PAGES, ids=[page.__name__ for page in PAGES])
def test_queries_do_not_grow_with_rows(client, supervisor, supervisee, administrator, page):
    user, url, add = page(supervisor, supervisee)
    client.force_login(administrator if user == "administrator" else user)
    add(0)
    client.get(url)  # warm caches that are filled once per process
    with CaptureQueriesContext(connection) as few:
        assert client.get(url).status_code == 200
    for i in range(1, MANY):
        add(i)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.status_code == 200
    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)
