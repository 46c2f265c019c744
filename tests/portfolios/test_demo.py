"""Demo: Lina's portfolio with her thought record, schema self-check and Dr Holt's rating, loaded once."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from portfolios.models import Portfolio, PortfolioItem
from supervision.models import User

pytestmark = pytest.mark.django_db


def snapshot():
    return list(PortfolioItem.objects.values_list("pk", "kind", "position", "commentary"))


def test_seed_demo_gives_lina_one_portfolio_idempotently(client):
    call_command("seed_demo")
    first = snapshot()
    assert [kind for _pk, kind, _pos, _c in first] == ["entry", "questionnaire", "rating"]
    call_command("seed_demo")
    assert snapshot() == first

    portfolio = Portfolio.objects.get()
    assert portfolio.statement and portfolio.statement_by.email == "supervisor@example.org"
    client.force_login(User.objects.get(email="trainee1@example.org"))
    html = client.get(reverse("portfolios:portfolio_detail", args=[portfolio.pk])).text
    assert "Notice the word" in html  # Dr Holt's released feedback on the thought record
    assert "Make the PDF" in html
