"""The demo data: realistic, invented, created through the services, and the same after a second run."""

import datetime

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.utils import timezone
from guardian.models import UserObjectPermission

from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE
from supervision.demo.people import demo_totp_code, seed_people
from supervision.models import (
    Case,
    CaseComment,
    HoursSignOff,
    Meeting,
    MeetingReflection,
    MeetingUserObjectPermission,
    Supervision,
    SupervisionGroup,
    User,
)
from supervision.permissions import ClinicalPermissionChecker
from supervision.selectors.hours import hours_log

pytestmark = pytest.mark.django_db


def counts():
    return tuple(
        model.objects.count()
        for model in (
            User,
            Supervision,
            SupervisionGroup,
            Case,
            CaseComment,
            Meeting,
            MeetingReflection,
            MeetingUserObjectPermission,
            HoursSignOff,
        )
    )


@pytest.fixture
def demo(demo_seeded_for_class, db):
    return {person["key"]: User.objects.get(email=person["email"]) for person in DEMO_PEOPLE}


class TestTheSeededDemo:
    """The tests that start from the loaded demo share one load."""

    def test_seed_demo_twice_changes_nothing(self, demo):
        first = counts()
        call_command("seed_demo", verbosity=0)
        assert counts() == first

    def test_one_month_signed_and_one_awaiting_signature(self, demo):
        signoffs = HoursSignOff.objects.filter(supervision__supervisee=demo["trainee1"])
        assert sorted(signoffs.values_list("status", flat=True)) == ["signed", "submitted"]
        signed = signoffs.get(status="signed")
        assert signed.contents["meetings"] and signed.signed_by_name == demo["supervisor"].name

    def test_six_months_of_meetings_with_the_next_one_planned(self, demo):
        today = timezone.localdate()
        for key in ("trainee1", "trainee2", "supervisor_in_training"):
            meetings = Meeting.objects.filter(attendances__supervision__supervisee=demo[key])
            first = meetings.order_by("date").first().date
            assert today - first >= datetime.timedelta(days=150)
            assert meetings.filter(date__gte=today).exists()
        assert Meeting.objects.filter(date__lt=today).count() >= 40

    def test_the_demo_people_stand_where_the_readme_says(self, demo):
        supervisor, jonas = demo["supervisor"], demo["supervisor_in_training"]
        assert Supervision.objects.filter(
            supervisor=supervisor,
            supervisee=jonas,
            kind=Supervision.Kind.SUPERVISION_OF_SUPERVISION,
        ).exists()
        assert Supervision.objects.filter(supervisor=jonas, supervisee=demo["trainee2"]).exists()
        group = SupervisionGroup.objects.get(supervisor=supervisor)
        assert {m.supervisee for m in group.memberships.all()} == {
            demo["trainee1"],
            demo["trainee2"],
        }

    def test_demo_records_follow_the_permission_rules(self, demo):
        jonas_case = Case.objects.get(supervision__supervisor=demo["supervisor_in_training"])
        # Dr Holt supervises Jonas and Omar, yet never reads what Omar brings to Jonas.
        assert not ClinicalPermissionChecker(demo["supervisor"]).has_perm("view_case", jonas_case)
        assert ClinicalPermissionChecker(demo["supervisor_in_training"]).has_perm(
            "view_case", jonas_case
        )
        for key in ("editor", "admin"):
            assert not ClinicalPermissionChecker(demo[key]).has_perm("view_case", jonas_case)
        assert UserObjectPermission.objects.count() == 0

    def test_the_hours_chart_is_full_on_first_start(self, demo):
        log = hours_log(supervisee=demo["trainee1"], viewer=demo["trainee1"])
        assert len(log.by_period) >= 6
        assert all(row.meetings for row in log.by_period[1:])
        assert log.total.group_attended_minutes > log.total.group_credited_minutes > 0
        assert log.by_case

    def test_demo_cases_use_pseudonyms_only(self, demo):
        pseudonyms = set(Case.objects.values_list("pseudonym", flat=True))
        assert pseudonyms == {"Willow", "Kestrel", "Juniper", "Harbour", "Orchid", "Linden"}
        assert Case.objects.filter(status=Case.Status.CLOSED).exists()


def test_every_demo_account_signs_in_with_the_demo_authenticator_code(client, settings):
    settings.SECOND_FACTOR_REQUIRED = True
    people = seed_people()
    seed_people()  # a second run adds no second app
    assert Authenticator.objects.filter(type=Authenticator.Type.TOTP).count() == len(DEMO_PEOPLE)
    for user in people.values():
        client.post("/accounts/login/", {"login": user.email, "password": DEMO_PASSWORD})
        response = client.post("/accounts/2fa/authenticate/", {"code": demo_totp_code()})
        assert response.status_code == 302, user.email
        assert client.get("/").status_code == 200, user.email  # no set-up asked of anyone
        client.post("/accounts/logout/")


def test_demo_totp_code_prints_the_code_and_demo_logins_says_how(capsys):
    call_command("demo_totp_code")
    assert capsys.readouterr().out.strip() in {demo_totp_code(), demo_totp_code(at=None)}
    call_command("demo_logins")
    out = capsys.readouterr().out
    assert "demo_totp_code" in out and "CBTSUPERVISIONDEMOSECRETKEYABCDE" in out
    # The fixed secret gives the codes any authenticator app would (RFC 6238, 30-second steps).
    assert demo_totp_code(at=0) == demo_totp_code(at=29) != demo_totp_code(at=30)
