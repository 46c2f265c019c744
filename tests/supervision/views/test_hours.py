"""The hours log: by period, relationship and case, group time attended and credited, and the CSV."""

import csv
import datetime
import io
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from supervision.models import SupervisionGroup
from supervision.models.meetings import TAKEN_PLACE_RULE
from supervision.selectors.hours import hours_log, period_entries
from tests.factories import UserFactory, make_case, make_group, make_meeting, make_supervision

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def days(n):
    return datetime.timedelta(days=n)


@pytest.fixture
def log_world(supervisor, supervisee, supervision):
    """Two individual meetings, one group meeting of three, and one planned meeting."""
    case = make_case(supervision, "Rowan")
    other = make_case(supervision, "Ash")
    make_meeting(supervision, date=TODAY() - days(20), duration_minutes=60, cases=[case])
    make_meeting(
        supervision,
        date=TODAY() - days(5),
        duration_minutes=90,
        cases=[case, other],
        observation="live",
    )
    make_meeting(supervision, date=TODAY() + days(9), duration_minutes=60)  # planned
    group = make_group(supervisor, [supervisee, UserFactory(), UserFactory()])
    make_meeting(group=group, date=TODAY() - days(3), duration_minutes=120)
    return {"case": case, "other": other, "group": group}


def test_totals_count_individual_and_group_time_and_skip_planned_meetings(supervisee, log_world):
    log = hours_log(supervisee=supervisee, viewer=supervisee)
    total = log.total
    assert total.meetings == 3
    assert total.individual_minutes == 150
    assert total.group_attended_minutes == 120
    assert total.group_credited_minutes == 40  # shared among three present
    assert total.credited_hours == Decimal("3.17")
    assert total.observed_meetings == 1


@pytest.mark.parametrize(
    ("rule", "percent", "credited"),
    [("full", None, 120), ("shared", None, 40), ("percent", 25, 30)],
)
def test_the_groups_crediting_rule_decides_credited_time(
    supervisee, log_world, rule, percent, credited
):
    SupervisionGroup.objects.filter(pk=log_world["group"].pk).update(
        credit_rule=rule, credit_percent=percent
    )
    log = hours_log(supervisee=supervisee, viewer=supervisee)
    assert log.total.group_attended_minutes == 120
    assert log.total.group_credited_minutes == credited


def test_rows_by_relationship_and_by_case(supervisee, log_world):
    log = hours_log(supervisee=supervisee, viewer=supervisee)
    assert len(log.by_relationship) == 2
    by_case = {row.label: row for row in log.by_case}
    assert by_case["Rowan"].meetings == 2
    assert by_case["Rowan"].individual_minutes == 150
    assert by_case["Ash"].meetings == 1


def test_periods_cover_every_month_between_the_first_and_last_meeting(supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee, started_on=TODAY() - days(200))
    make_meeting(supervision, date=TODAY() - days(150))
    make_meeting(supervision, date=TODAY() - days(1))
    months = hours_log(supervisee=supervisee, viewer=supervisee).by_period
    assert months[0].meetings == 1 and months[-1].meetings == 1
    assert 5 <= len(months) <= 7
    assert sum(row.meetings for row in months) == 2
    quarters = hours_log(supervisee=supervisee, viewer=supervisee, period="quarter").by_period
    assert 2 <= len(quarters) <= 3
    assert hours_log(supervisee=supervisee, viewer=supervisee, period="bogus").period == "month"


def test_a_supervisor_sees_only_their_own_time_with_the_supervisee(supervisor, supervisee):
    mine = make_supervision(supervisor, supervisee)
    theirs = make_supervision(UserFactory(), supervisee)
    make_meeting(mine, duration_minutes=60)
    make_meeting(theirs, duration_minutes=45)
    log = hours_log(supervisee=supervisee, viewer=supervisor, supervisor=supervisor)
    assert log.total.individual_minutes == 60
    assert hours_log(supervisee=supervisee, viewer=supervisee).total.individual_minutes == 105


def test_hours_page_shows_table_chart_data_and_a_download(client, supervisee, log_world):
    client.force_login(supervisee)
    response = client.get(reverse("supervision:hours"))
    content = response.content.decode()
    assert response.status_code == 200
    assert 'id="hours-chart"' in content
    assert 'id="hours-data" type="application/json"' in content
    assert "js/hours-chart.js" in content
    assert reverse("supervision:hours_csv") in content
    assert "Group hours credited" in content


def test_csv_download_lists_each_meeting(client, supervisee, log_world):
    client.force_login(supervisee)
    response = client.get(reverse("supervision:hours_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert "attachment;" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffDate,") and text.endswith("\r\n")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline="")))
    assert rows[0][0] == "Date"
    assert len(rows) == 4  # header and three meetings; the planned one is not counted yet
    assert [row[-1] for row in rows[1:]] == ["Rowan", "Ash; Rowan", ""]
    assert [row[5] for row in rows[1:]] == ["In person", "In person", "In person"]
    assert [row[6:8] for row in rows[1:]] == [["60", "1.00"], ["90", "1.50"], ["120", "0.67"]]


def test_a_formula_in_a_pseudonym_is_escaped_in_the_download(client, supervisee, supervision):
    case = make_case(supervision, "=cmd|' /C calc'!A0")
    make_meeting(supervision, cases=[case])
    client.force_login(supervisee)
    rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("supervision:hours_csv")).content.decode("utf-8-sig"))
        )
    )
    assert rows[1][-1] == "'=cmd|' /C calc'!A0"
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_supervisor_downloads_a_supervisees_hours_with_them(client, supervisor, supervisee):
    supervision = make_supervision(supervisor, supervisee)
    make_meeting(supervision, duration_minutes=50)
    make_meeting(make_supervision(UserFactory(), supervisee), duration_minutes=70)
    client.force_login(supervisor)
    response = client.get(reverse("supervision:supervision_hours_csv", args=[supervision.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[6] for row in rows[1:]] == ["50"]
    page = client.get(reverse("supervision:supervision_hours", args=[supervision.pk]))
    assert page.context["log"].total.individual_minutes == 50


# --- A meeting counts once it has taken place (trial finding 1) --------------------------------

NOON_10_MARCH = datetime.datetime(2026, 3, 10, 12, 0, tzinfo=datetime.UTC)  # 12:00 in London


@pytest.fixture
def today_at_noon(supervisor, supervisee):
    """At noon: a meeting this morning, one without a time today, and one this evening."""
    with time_machine.travel(NOON_10_MARCH, tick=False):
        supervision = make_supervision(supervisor, supervisee, started_on=TODAY() - days(60))
        make_meeting(supervision, date=TODAY(), starts_at="09:00", duration_minutes=60)
        make_meeting(supervision, date=TODAY(), duration_minutes=45)
        make_meeting(supervision, date=TODAY(), starts_at="17:00", duration_minutes=90)
    return supervision


def test_a_meeting_later_today_does_not_count_yet(supervisee, today_at_noon):
    with time_machine.travel(NOON_10_MARCH, tick=False):
        log = hours_log(supervisee=supervisee, viewer=supervisee)
    assert log.total.meetings == 2
    assert log.total.individual_minutes == 105


def test_the_hours_page_and_dashboard_count_what_the_page_says(client, supervisee, today_at_noon):
    client.force_login(supervisee)
    with time_machine.travel(NOON_10_MARCH, tick=False):
        hours_page = client.get(reverse("supervision:hours")).content.decode()
        dashboard = client.get(reverse("supervision:dashboard")).content.decode()
    assert TAKEN_PLACE_RULE in hours_page
    assert "(2 meetings)" in dashboard


def test_a_meeting_under_way_counts_once_it_has_ended(supervisor, supervisee):
    # The rule is applied in Python to today's meetings (the query stops at today's date).
    with time_machine.travel(NOON_10_MARCH, tick=False):
        supervision = make_supervision(supervisor, supervisee, started_on=TODAY() - days(60))
        make_meeting(supervision, date=TODAY(), starts_at="11:30", duration_minutes=60)
        assert hours_log(supervisee=supervisee, viewer=supervisee).total.meetings == 0
    with time_machine.travel(NOON_10_MARCH + datetime.timedelta(minutes=30), tick=False):
        assert hours_log(supervisee=supervisee, viewer=supervisee).total.meetings == 1


def test_a_sign_off_period_leaves_out_a_meeting_later_today(supervisee, today_at_noon):
    with time_machine.travel(NOON_10_MARCH, tick=False):
        entries = period_entries(
            supervision=today_at_noon, starts_on=TODAY() - days(30), ends_on=TODAY() + days(30)
        )
    assert sorted(entry.duration_minutes for entry in entries) == [45, 60]


def test_the_tables_link_each_case_and_relationship_and_escape_their_names(
    client, supervisee, supervision
):
    case = make_case(supervision, "<b>Rowan</b>")
    make_meeting(supervision, date=TODAY() - days(2), duration_minutes=90, cases=[case])
    make_meeting(supervision, date=TODAY() - days(1), duration_minutes=60)
    client.force_login(supervisee)
    content = client.get(reverse("supervision:hours")).content.decode()
    case_url = reverse("supervision:case_detail", args=[case.pk])
    assert f'<a href="{case_url}">&lt;b&gt;Rowan&lt;/b&gt;</a>' in content
    assert "<b>Rowan" not in content
    assert (
        f'<a href="{reverse("supervision:supervision_detail", args=[supervision.pk])}">' in content
    )
    # Hours as floatformat:"-2" prints them: two places, or none when whole.
    assert "<td>1.50</td>" in content and "<td>2.50</td>" in content and "<td>0</td>" in content
