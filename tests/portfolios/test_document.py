"""The portfolio PDF: built through exports by the worker, read back with pypdf."""

import pytest
from django.urls import reverse

from exports.models import Export
from portfolios.services import (
    item_add,
    item_comment,
    portfolio_create,
    portfolio_share,
    portfolio_update,
    statement_write,
)
from tests.exports.test_logbook import pdf_text

pytestmark = pytest.mark.django_db


def test_the_pdf_holds_what_the_trainee_chose_in_their_order_and_nothing_else(
    client, supervisor, supervisee, supervision, material, django_capture_on_commit_callbacks
):
    portfolio = portfolio_create(owner=supervisee, title="End of year one")
    portfolio_update(portfolio=portfolio, title="End of year one", summary="I learnt to slow down.")
    rating = item_add(portfolio=portfolio, choice=f"rating:{material['rating'].pk}")
    item_add(portfolio=portfolio, choice=f"entry:{material['entry'].pk}")
    item_add(portfolio=portfolio, choice=f"questionnaire:{material['questionnaire_key']}")
    item_comment(item=rating, commentary="Rated after my first recording.")
    portfolio_share(portfolio=portfolio, supervision=supervision)
    statement_write(portfolio=portfolio, author=supervisor, text="A careful, honest trainee.")

    client.force_login(supervisee)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("exports:export_create", args=["portfolio"]), {"portfolio": portfolio.pk}
        )
    export = Export.objects.get()
    assert response.url == reverse("exports:export_detail", args=[export.pk])
    assert export.status == Export.Status.DONE, export.error
    text, pages = pdf_text(export)
    assert "End of year one" in text and supervisee.name in text
    assert "Contents" in text and f"Page 1 of {pages}" in text
    assert "I learnt to slow down." in text
    assert "Rated after my first recording." in text
    assert "Good catch on the hot thought." in text  # released feedback
    assert "A draft still being written." not in text  # unreleased feedback
    assert "I noticed my own hurry to fix things." in text
    assert "A careful, honest trainee." in text and supervisor.name in text
    # The owner's order: the rating, then the entry, then the questionnaire.
    body = text[text.index("Reflective summary", text.index("Contents") + 200) :]
    assert body.index("Hand rating") < body.index("Small worksheet") < body.index("Hand check")
    # Nothing the trainee did not choose: the lesson they completed is not in it.
    assert "Guided discovery" not in text

    download = client.get(reverse("exports:export_download", args=[export.pk]))
    assert download["Content-Type"] == "application/pdf"


def test_the_supervisor_who_may_read_it_cannot_export_it(
    client, supervisor, supervisee, supervision
):
    portfolio = portfolio_create(owner=supervisee, title="Mine")
    portfolio_share(portfolio=portfolio, supervision=supervision)
    client.force_login(supervisor)
    url = reverse("exports:export_create", args=["portfolio"])
    assert client.post(url, {"portfolio": portfolio.pk}).status_code == 403
    assert client.post(url, {"portfolio": "x"}).status_code == 404
    assert not Export.objects.exists()
