"""The pages: start, add, comment, reorder, take out, share, the supervisor's statement."""

import pytest
from django.urls import reverse

from portfolios.models import Portfolio
from portfolios.services import item_add, portfolio_create, portfolio_share

pytestmark = pytest.mark.django_db


def test_a_trainee_starts_fills_and_arranges_a_portfolio(client, supervisee, material):
    client.force_login(supervisee)
    response = client.post(reverse("portfolios:portfolio_list"), {"title": ""})
    assert response.status_code == 200 and "This field is required" in response.text
    response = client.post(reverse("portfolios:portfolio_list"), {"title": "Year one"})
    portfolio = Portfolio.objects.get()
    add = reverse("portfolios:item_add", args=[portfolio.pk])
    assert response.url == add
    page = client.get(add).text
    assert "Guided discovery" in page and "Small worksheet" in page
    assert "Stella" not in page
    client.post(add, {"choice": f"lesson:{material['lesson'].pk}"})
    client.post(add, {"choice": f"entry:{material['entry'].pk}"})
    refused = client.post(add, {"choice": f"entry:{material['strangers_entry'].pk}"}, follow=True)
    assert "Choose something of your own" in refused.text
    lesson, entry = portfolio.items.order_by("position")

    client.post(reverse("portfolios:item_move", args=[portfolio.pk, entry.pk]), {"direction": "up"})
    assert list(portfolio.items.order_by("position")) == [entry, lesson]
    client.post(
        reverse("portfolios:item_update", args=[portfolio.pk, entry.pk]),
        {f"item{entry.pk}-commentary": "Where it started."},
    )
    detail = client.get(reverse("portfolios:portfolio_detail", args=[portfolio.pk])).text
    assert "Where it started." in detail and "Good catch on the hot thought." in detail
    assert "A draft still being written." not in detail
    client.post(reverse("portfolios:item_remove", args=[portfolio.pk, lesson.pk]))
    assert list(portfolio.items.all()) == [entry]
    # Taken out in another tab: a message, no error.
    again = client.post(
        reverse("portfolios:item_remove", args=[portfolio.pk, lesson.pk]), follow=True
    )
    assert again.status_code == 200 and "no longer in the portfolio" in again.text


def test_an_empty_title_keeps_what_was_typed(client, supervisee, supervision):
    portfolio = portfolio_create(owner=supervisee, title="Year one")
    client.force_login(supervisee)
    response = client.post(
        reverse("portfolios:portfolio_edit", args=[portfolio.pk]),
        {"title": "", "summary": "My long summary", "shared_with": supervision.pk},
    )
    assert response.status_code == 200
    assert "This field is required" in response.text and "My long summary" in response.text
    portfolio.refresh_from_db()
    assert portfolio.shared_with is None
    client.post(
        reverse("portfolios:portfolio_edit", args=[portfolio.pk]),
        {"title": "Year one", "summary": "My long summary", "shared_with": supervision.pk},
    )
    portfolio.refresh_from_db()
    assert portfolio.shared_with == supervision and portfolio.summary == "My long summary"


def test_the_supervisor_it_is_shared_with_reads_it_and_adds_a_statement(
    client, supervisor, supervisee, supervision, material
):
    portfolio = portfolio_create(owner=supervisee, title="Year one")
    item_add(portfolio=portfolio, choice=f"entry:{material['entry'].pk}")
    portfolio_share(portfolio=portfolio, supervision=supervision)
    client.force_login(supervisor)
    assert "Year one" in client.get(reverse("portfolios:portfolio_list")).text
    detail = client.get(reverse("portfolios:portfolio_detail", args=[portfolio.pk])).text
    assert "Save the statement" in detail and "Make the PDF" not in detail
    url = reverse("portfolios:statement_write", args=[portfolio.pk])
    empty = client.post(url, {"statement": ""})
    assert empty.status_code == 200 and "Write the statement before saving it." in empty.text
    client.post(url, {"statement": "Ready for accreditation."})
    portfolio.refresh_from_db()
    assert portfolio.statement == "Ready for accreditation."


def test_the_pages_take_the_same_queries_however_many_items(
    client, supervisee, material, django_assert_max_num_queries
):
    portfolio = portfolio_create(owner=supervisee, title="Year one")
    client.force_login(supervisee)
    item_add(portfolio=portfolio, choice=f"entry:{material['entry'].pk}")
    url = reverse("portfolios:portfolio_detail", args=[portfolio.pk])
    client.get(url)
    with django_assert_max_num_queries(30) as few:
        client.get(url)
    for value in (
        f"lesson:{material['lesson'].pk}",
        f"questionnaire:{material['questionnaire_key']}",
        f"rating:{material['rating'].pk}",
    ):
        item_add(portfolio=portfolio, choice=value)
    with django_assert_max_num_queries(len(few.captured_queries) + 3):
        client.get(url)
