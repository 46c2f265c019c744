"""Simultaneous identical posts on PostgreSQL: starting a portfolio and adding to it happen once."""

import uuid

import pytest
from django.urls import reverse

from portfolios.models import Portfolio, PortfolioItem
from tests.concurrency import (  # postgres_only: autouse, skips these on SQLite
    THREADS,
    post_at_once,
    postgres_only,  # noqa: F401
)
from tests.factories import UserFactory
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_a_portfolio_started_and_added_to_at_once_is_made_once():
    owner = UserFactory()
    data = {"submission_key": str(uuid.uuid4()), "title": "Year one"}
    responses = post_at_once(owner, reverse("portfolios:portfolio_list"), data)
    portfolio = Portfolio.objects.get()
    assert [r.status_code for r in responses] == [302] * THREADS
    assert {r["Location"] for r in responses} == {
        reverse("portfolios:item_add", args=[portfolio.pk])
    }

    template = worksheet_template_create(title="Small", body=SMALL_BODY, publish=True)
    entry = submit(entry_start(author=owner, template_version=template.versions.get()))
    data = {"submission_key": str(uuid.uuid4()), "choice": f"entry:{entry.pk}"}
    responses = post_at_once(owner, reverse("portfolios:item_add", args=[portfolio.pk]), data)
    assert [r.status_code for r in responses] == [302] * THREADS
    assert PortfolioItem.objects.get().entry == entry
