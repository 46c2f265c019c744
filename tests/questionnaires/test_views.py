"""Questionnaire pages: completing, the result profile, history, comparison, ratings, and their queries."""

import json
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from questionnaires.services import rating_release
from tests.factories import UserFactory, make_supervision
from tests.worksheets.scoring.factories import ALL_THREES, administer
from worksheets.models import Entry
from worksheets.services.entries import entry_sharing_set, entry_start

pytestmark = pytest.mark.django_db


def history_url(person, version):
    return reverse("questionnaires:history", args=[person.pk, version.questionnaire_key])


def compare_url(person, version):
    return reverse("questionnaires:compare", args=[person.pk, version.questionnaire_key])


def chart_data(content: str, element_id: str) -> dict:
    found = re.search(rf'<script id="{element_id}" type="application/json">(.*?)</script>', content)
    return json.loads(found.group(1))


def test_completing_a_questionnaire_in_the_browser_form_scores_it(
    client, supervisee, hand_check_version
):
    entry = entry_start(author=supervisee, template_version=hand_check_version)
    client.force_login(supervisee)
    page = client.get(reverse("worksheets:entry_edit", args=[entry.pk])).content.decode()
    assert "1 Not at all" in page and "5 Completely" in page
    data = {"version": entry.version, "session": uuid.uuid4().hex, "action": "submit"}
    data.update({f"q-{name}": value for name, value in ALL_THREES.items()})
    too_few = {k: v for k, v in data.items() if k not in ("q-w1", "q-w2", "q-d1")}
    refused = client.post(reverse("worksheets:entry_edit", args=[entry.pk]), too_few)
    assert refused.status_code == 400
    assert "Please rate this statement." in refused.content.decode()
    entry.refresh_from_db()
    assert entry.is_editable and entry.result is None

    response = client.post(reverse("worksheets:entry_edit", args=[entry.pk]), data)
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.result["scales"][0]["score"] == 3
    page = client.get(response.url).content.decode()
    assert "Your results are below" in page
    assert "Your profile" in page
    chart = chart_data(page, "profile-chart-data")
    assert chart["labels"] == ["Worry", "Drive"]
    # Worry is a mean (1 to 5) and Drive a sum (3 to 15): plotted as a share of each range.
    assert chart["axis"]["percent"] is True
    assert chart["series"][0]["values"] == [50.0, 50.0]
    assert "Some worry." in page and "at or above" in page and "threshold 21 reached" in page


def test_the_profile_table_says_why_a_scale_was_not_scored(client, supervisee, hand_check_version):
    answers = {**ALL_THREES, "w1": None, "w2": None}
    entry = administer(supervisee, hand_check_version, answers)
    client.force_login(supervisee)
    page = client.get(reverse("worksheets:entry_detail", args=[entry.pk])).content.decode()
    assert (
        "Not scored: 2 of its 4 items were left unanswered, and at most 1 may be missing." in page
    )


def make_history(person, version, count):
    return [
        administer(person, version, {**ALL_THREES, "w1": 1 + n % 5}, days_ago=count - n)
        for n in range(count)
    ]


def test_history_shows_each_scale_over_time(client, supervisee, hand_check_version):
    entries = make_history(supervisee, hand_check_version, 3)
    client.force_login(supervisee)
    response = client.get(history_url(supervisee, hand_check_version))
    page = response.content.decode()
    assert "3 administrations" in page
    worry = chart_data(page, "history-chart-1")
    assert worry["series"][0]["values"] == [2.5, 2.75, 3.0]
    assert [band["label"] for band in worry["bands"]] == ["low", "moderate", "high"]
    total = chart_data(page, "history-chart-3")
    assert total["axis"] == {"min": 7.0, "max": 35.0, "percent": False}
    for entry in entries:
        assert reverse("worksheets:entry_detail", args=[entry.pk]) in page


@pytest.mark.parametrize("count", [1, 20])
def test_history_query_count_does_not_grow_with_administrations(
    client, django_assert_num_queries, supervisee, hand_check_version, count
):
    make_history(supervisee, hand_check_version, count)
    client.force_login(supervisee)
    url = history_url(supervisee, hand_check_version)
    client.get(url)  # the session and user are cached like on any later request
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    # session, user, the administrations (permission filter included), and the roles with the
    # navigation's course link and notification count in one query: the same for one
    # administration and for twenty (one's own history needs no query for the person)
    assert len(queries) == 4, [q["sql"] for q in queries]


@pytest.mark.parametrize("count", [1, 20])
def test_a_supervisors_history_query_count_does_not_grow_with_administrations(
    client, supervisor, supervisee, supervision, hand_check_version, count
):
    for entry in make_history(supervisee, hand_check_version, count):
        entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    client.force_login(supervisor)
    url = history_url(supervisee, hand_check_version)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        page = client.get(url).content.decode()
    assert f"the {count} administration" in page
    assert supervisee.name in page
    # session, user, the person, the administrations, and the roles (as above)
    assert len(queries) == 5, [q["sql"] for q in queries]


def test_compare_two_administrations_side_by_side(client, supervisee, hand_check_version):
    first, second = make_history(supervisee, hand_check_version, 2)
    client.force_login(supervisee)
    # Given the wrong way round, the earlier one still comes first.
    response = client.get(
        compare_url(supervisee, hand_check_version), {"first": second.pk, "second": first.pk}
    )
    assert response.status_code == 200
    page = response.content.decode()
    chart = chart_data(page, "compare-chart-data")
    assert len(chart["series"]) == 2
    assert chart["series"][0]["values"][0] == 37.5  # worry 2.5 on 1-5
    assert "+0.25 (higher)" in page and "No change" in page


def test_compare_refuses_the_same_administration_twice_or_one_not_visible(
    client, supervisee, hand_check_version
):
    first, _second = make_history(supervisee, hand_check_version, 2)
    other = administer(UserFactory(), hand_check_version)
    client.force_login(supervisee)
    same = client.get(
        compare_url(supervisee, hand_check_version), {"first": first.pk, "second": first.pk}
    )
    assert same.status_code == 400
    assert "Choose a different administration from the first." in same.content.decode()
    foreign = client.get(
        compare_url(supervisee, hand_check_version), {"first": first.pk, "second": other.pk}
    )
    assert foreign.status_code == 400
    assert "Select a valid choice" in foreign.content.decode()


def test_a_supervisor_sees_only_what_was_shared_and_can_compare_it(
    client, supervisor, supervisee, supervision, hand_check_version
):
    first, second, third = make_history(supervisee, hand_check_version, 3)
    client.force_login(supervisor)
    assert client.get(history_url(supervisee, hand_check_version)).status_code == 404
    assert client.get(reverse("worksheets:entry_detail", args=[first.pk])).status_code == 404
    for entry in (first, third):
        entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    page = client.get(history_url(supervisee, hand_check_version)).content.decode()
    assert "the 2 administrations you may read" in page
    assert reverse("worksheets:entry_detail", args=[second.pk]) not in page
    response = client.get(
        compare_url(supervisee, hand_check_version), {"first": first.pk, "second": third.pk}
    )
    assert response.status_code == 200
    hidden = client.get(
        compare_url(supervisee, hand_check_version), {"first": first.pk, "second": second.pk}
    )
    assert hidden.status_code == 400
    index = client.get(reverse("questionnaires:index")).content.decode()
    assert "Results shared with you" in index and supervisee.name in index


def test_index_lists_results_ratings_and_what_can_be_started(
    client, supervisor, supervisee, supervision, hand_check_version, rating_version
):
    make_history(supervisee, hand_check_version, 2)
    rating = administer(supervisor, rating_version, subject=supervisee)
    client.force_login(supervisee)
    page = client.get(reverse("questionnaires:index")).content.decode()
    assert "Your results" in page and "Hand check" in page
    # A rating form is for supervisors: not offered to a trainee (issue 16).
    assert "Hand rating" not in page and "Ratings of your work" not in page
    rating_release(entry=rating)
    page = client.get(reverse("questionnaires:index")).content.decode()
    assert "Ratings of your work" in page
    client.force_login(supervisor)
    page = client.get(reverse("questionnaires:index")).content.decode()
    assert "Ratings you gave" in page and "Released" in page


@pytest.mark.parametrize("count", [1, 15])
def test_index_query_count_does_not_grow_with_rows(
    client, supervisor, supervisee, supervision, hand_check_version, rating_version, count
):
    for _ in range(count):
        shared = administer(supervisee, hand_check_version)
        entry_sharing_set(entry=shared, supervisors=[supervisor], allowed=[supervisor])
        administer(supervisor, hand_check_version)
        rating_release(entry=administer(supervisor, rating_version, subject=supervisee))
    client.force_login(supervisor)
    client.get(reverse("questionnaires:index"))
    with CaptureQueriesContext(connection) as queries:
        client.get(reverse("questionnaires:index"))
    # session, user, own results, shared with me, ratings received, ratings given, startable
    # questionnaires, and the roles with the course link and the notification count (one query)
    assert len(queries) == 8, [q["sql"] for q in queries]


def test_a_supervisor_starts_rates_and_releases(
    client, supervisor, supervisee, supervision, rating_version
):
    client.force_login(supervisor)
    template = rating_version.template
    detail = client.get(reverse("worksheets:template_detail", args=[template.pk])).content.decode()
    assert "Rate one of your supervisees" in detail
    start_url = reverse("questionnaires:rating_start", args=[template.pk])
    page = client.get(start_url)
    assert supervisee.name in page.content.decode()
    missing = client.post(start_url, {"submission_key": str(uuid.uuid4())})
    assert missing.status_code == 400
    assert "Choose whom you are rating." in missing.content.decode()
    stranger = client.post(
        start_url, {"submission_key": str(uuid.uuid4()), "subject": UserFactory().pk}
    )
    assert stranger.status_code == 400
    token = str(uuid.uuid4())
    started = client.post(start_url, {"submission_key": token, "subject": supervisee.pk})
    again = client.post(start_url, {"submission_key": token, "subject": supervisee.pk})
    assert started.status_code == again.status_code == 302 and started.url == again.url
    entry = Entry.objects.get(author=supervisor)
    assert entry.subject == supervisee and entry.is_editable

    data = {"version": entry.version, "session": uuid.uuid4().hex, "action": "submit"}
    data.update({f"q-{name}": value for name, value in ALL_THREES.items()})
    done = client.post(reverse("worksheets:entry_edit", args=[entry.pk]), data)
    page = client.get(done.url).content.decode()
    assert f"{supervisee.name} will see this rating once you release it" in page
    assert f"Release to {supervisee.name}" in page

    client.force_login(supervisee)
    assert client.get(reverse("worksheets:entry_detail", args=[entry.pk])).status_code == 404
    client.force_login(supervisor)
    released = client.post(reverse("questionnaires:rating_release", args=[entry.pk]))
    assert released.status_code == 302
    client.force_login(supervisee)
    page = client.get(reverse("worksheets:entry_detail", args=[entry.pk])).content.decode()
    assert f"Rating of {supervisee.name} by {supervisor.name}" in page
    assert "Save sharing" not in page


def test_a_trainee_is_told_a_rating_form_is_for_supervisors(client, supervisee, rating_version):
    client.force_login(supervisee)
    template = rating_version.template
    page = client.get(reverse("worksheets:template_detail", args=[template.pk])).content.decode()
    assert "filled in by a supervisor" in page
    assert client.get(reverse("questionnaires:rating_start", args=[template.pk])).status_code == 404
    # The worksheet start button cannot start a rating either.
    start = client.post(
        reverse("worksheets:template_start", args=[template.pk]),
        {"submission_key": str(uuid.uuid4())},
    )
    assert start.url == reverse("questionnaires:rating_start", args=[template.pk])
    assert not Entry.objects.exists()


def test_the_library_page_of_a_questionnaire_says_what_it_looks_at(
    client, supervisee, hand_check_version
):
    client.force_login(supervisee)
    template = hand_check_version.template
    page = client.get(reverse("worksheets:template_detail", args=[template.pk])).content.decode()
    assert "7 statements, each rated from 1 (Not at all) to 5 (Completely)." in page
    assert "Start this questionnaire" in page


def test_past_supervisors_keep_reading_what_was_shared(client, hand_check_version):
    trainee, supervisor = UserFactory(), UserFactory()
    supervision = make_supervision(supervisor, trainee)
    entry = administer(trainee, hand_check_version)
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    from supervision.services.relationships import supervision_end

    supervision_end(supervision=supervision)
    client.force_login(supervisor)
    assert client.get(history_url(trainee, hand_check_version)).status_code == 200


def test_the_history_of_ratings_speaks_of_ratings(
    client, supervisor, supervisee, supervision, rating_version
):
    for days_ago in (60, 5):
        rating_release(
            entry=administer(supervisor, rating_version, subject=supervisee, days_ago=days_ago)
        )
    client.force_login(supervisee)
    page = client.get(history_url(supervisee, rating_version)).content.decode()
    assert "Ratings of your work released to you: 2." in page
    client.force_login(supervisor)
    page = client.get(history_url(supervisee, rating_version)).content.decode()
    assert f"{supervisee.name}: the 2 ratings you may read." in page


def test_a_rating_form_is_offered_only_to_someone_who_supervises(
    client, supervisor, supervisee, supervision, rating_version
):
    """Issue 16: a trainee was offered a rating form whose start page answers 404 for them."""
    title = rating_version.template.title
    client.force_login(supervisee)
    trainee = client.get(reverse("questionnaires:index"))
    assert title not in [template.title for template in trainee.context["available"]]
    client.force_login(supervisor)
    rater = client.get(reverse("questionnaires:index"))
    assert title in [template.title for template in rater.context["available"]]
