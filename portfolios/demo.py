"""Demo: Lina's first-year portfolio, written through the services; running it again changes nothing.

It holds her thought record with Dr Holt's released feedback, her schema self-check over time
and Dr Holt's released rating, each with a line of commentary, and a reflective summary; it is
shared with Dr Holt, who has added a statement.
"""

import uuid

from django.db import transaction

from portfolios.models import Portfolio
from portfolios.services import (
    item_add,
    item_comment,
    portfolio_create,
    portfolio_share,
    portfolio_update,
    statement_write,
)
from questionnaires.demo import DEMO_NAMESPACE as QUESTIONNAIRES_NAMESPACE
from supervision.models import Supervision, User
from worksheets.demo import DEMO_NAMESPACE
from worksheets.models import Entry

TITLE = "First year: portfolio"
SUMMARY = (
    "Over the year I moved from filling in thought records for patients to using them on my "
    "own sessions. The record below is the one where I first caught the word “never” in my own "
    "thinking. My schema self-check scores drifted down across the year, and Dr Holt's rating "
    "shows where structure still slips: agreeing homework before the last two minutes."
)


def _entry(author: User, name: str, namespace=DEMO_NAMESPACE) -> Entry | None:
    """A demo entry found again by its start token (worksheets' and questionnaires' namespaces)."""
    return Entry.objects.filter(author=author, start_token=uuid.uuid5(namespace, name)).first()


@transaction.atomic
def seed_portfolios(people: dict[str, User]) -> None:
    lina, holt = people["trainee1"], people["supervisor"]
    portfolio = Portfolio.objects.filter(owner=lina, title=TITLE).first()
    if portfolio is not None:
        return
    portfolio = portfolio_create(owner=lina, title=TITLE)
    portfolio_update(portfolio=portfolio, title=TITLE, summary=SUMMARY)
    record = _entry(lina, "lina-thought-record")
    if record is not None and record.status == Entry.Status.SUBMITTED:
        item = item_add(portfolio=portfolio, choice=f"entry:{record.pk}")
        item_comment(item=item, commentary="The first record I wrote about my own practice.")
    schema = _entry(lina, "trainee1-schema-0", QUESTIONNAIRES_NAMESPACE)
    if schema is not None:
        key = schema.template_version.questionnaire_key
        item = item_add(portfolio=portfolio, choice=f"questionnaire:{key}")
        item_comment(item=item, commentary="Four times across the year, at the same point in term.")
    rating = _entry(holt, "holt-rates-lina", QUESTIONNAIRES_NAMESPACE)
    if rating is not None and rating.released_at is not None:
        item = item_add(portfolio=portfolio, choice=f"rating:{rating.pk}")
        item_comment(item=item, commentary="My first rated recording; the agenda is my next goal.")
    supervision = Supervision.objects.active().filter(supervisor=holt, supervisee=lina).first()
    if supervision is not None:
        portfolio_share(portfolio=portfolio, supervision=supervision)
        statement_write(
            portfolio=portfolio,
            author=holt,
            text="Lina chose these pieces herself. They match what I have seen in supervision: "
            "honest self-observation and steady work on session structure.",
        )
