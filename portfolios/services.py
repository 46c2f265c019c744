"""Writes: making a portfolio, choosing and ordering its items, sharing it, the supervisor's statement.

Every action is one transaction that locks the portfolio row first, so two tabs adding, moving
or removing items at once take turns and positions stay a clean 1..n. Whatever is added is
checked to be the owner's own material (``portfolios.selectors``): a request naming someone
else's entry is refused, not trusted.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone

from courses.models import LessonCompletion
from portfolios.models import Portfolio, PortfolioItem
from portfolios.selectors import own_entries, own_questionnaires
from questionnaires.selectors import ratings_received
from supervision.models import Supervision, User
from supervision.permissions import grant, revoke

OWNER_PERMS = ("view_portfolio", "change_portfolio")
READER_PERMS = ("view_portfolio", "write_statement")


def _locked(portfolio: Portfolio) -> Portfolio:
    return Portfolio.objects.select_for_update().get(pk=portfolio.pk)


@transaction.atomic
def portfolio_create(*, owner: User, title: str) -> Portfolio:
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Give the portfolio a title."})
    portfolio = Portfolio.objects.create(owner=owner, title=title[:200])
    grant(owner, OWNER_PERMS, portfolio)
    return portfolio


@transaction.atomic
def portfolio_update(*, portfolio: Portfolio, title: str, summary: str) -> Portfolio:
    """Change the title and the reflective summary (ValidationError for an empty title)."""
    portfolio = _locked(portfolio)
    title = (title or "").strip()
    if not title:
        raise ValidationError({"title": "Give the portfolio a title."})
    portfolio.title = title[:200]
    portfolio.summary = summary or ""
    portfolio.full_clean(exclude=["owner", "shared_with", "statement_by"])
    portfolio.save()
    return portfolio


@transaction.atomic
def portfolio_share(*, portfolio: Portfolio, supervision: Supervision | None) -> Portfolio:
    """Let the supervisor of one of the owner's running relationships read it (None: no one).

    The previous reader loses access; their statement stays, as something they wrote.
    ValidationError for a relationship the owner is not the supervisee of, or one that ended.
    """
    portfolio = _locked(portfolio)
    if supervision is not None and not (
        supervision.supervisee_id == portfolio.owner_id
        and Supervision.objects.active().filter(pk=supervision.pk).exists()
    ):
        raise ValidationError({"shared_with": "Choose one of your current supervisors."})
    previous = portfolio.shared_with
    if previous is not None and (supervision is None or previous.pk != supervision.pk):
        revoke(previous.supervisor, READER_PERMS, portfolio)
    portfolio.shared_with = supervision
    portfolio.save(update_fields=["shared_with", "updated_at"])
    if supervision is not None:
        grant(supervision.supervisor, READER_PERMS, portfolio)
    return portfolio


def _target(portfolio: Portfolio, choice: str) -> dict:
    """The item's fields for a choice ``kind:identifier``, if it is the owner's own material."""
    kind, _, identifier = (choice or "").partition(":")
    owner = portfolio.owner
    refused = ValidationError({"choice": "Choose something of your own from the list."})
    if kind == PortfolioItem.Kind.QUESTIONNAIRE:
        if identifier not in own_questionnaires(owner):
            raise refused
        return {"kind": kind, "questionnaire_key": identifier}
    try:
        pk = int(identifier)
    except ValueError:
        raise refused from None
    if kind == PortfolioItem.Kind.ENTRY and own_entries(owner).filter(pk=pk).exists():
        return {"kind": kind, "entry_id": pk}
    if kind == PortfolioItem.Kind.RATING and ratings_received(owner).filter(pk=pk).exists():
        return {"kind": kind, "entry_id": pk}
    if (
        kind == PortfolioItem.Kind.LESSON
        and LessonCompletion.objects.filter(person=owner, lesson_id=pk).exists()
    ):
        return {"kind": kind, "lesson_id": pk}
    raise refused


@transaction.atomic
def item_add(*, portfolio: Portfolio, choice: str, commentary: str = "") -> PortfolioItem:
    """Add one of the owner's things at the end; adding it again returns the item already there."""
    portfolio = _locked(portfolio)
    fields = _target(portfolio, choice)
    lookup = {key: value for key, value in fields.items() if key != "kind"}
    existing = portfolio.items.filter(**lookup).first()
    if existing is not None:
        return existing
    last = portfolio.items.aggregate(last=Max("position"))["last"] or 0
    item = PortfolioItem(portfolio=portfolio, position=last + 1, commentary=commentary, **fields)
    item.full_clean(exclude=["portfolio", "entry", "lesson"])
    try:
        with transaction.atomic():
            item.save()
    except IntegrityError:
        return portfolio.items.get(**lookup)
    portfolio.save(update_fields=["updated_at"])
    return item


@transaction.atomic
def item_comment(*, item: PortfolioItem, commentary: str) -> PortfolioItem:
    _locked(item.portfolio)
    item = PortfolioItem.objects.get(pk=item.pk)
    item.commentary = commentary or ""
    item.full_clean(exclude=["portfolio", "entry", "lesson"])
    item.save(update_fields=["commentary"])
    return item


def _renumber(portfolio: Portfolio, ordered: list[PortfolioItem]) -> None:
    changed = []
    for position, item in enumerate(ordered, start=1):
        if item.position != position:
            item.position = position
            changed.append(item)
    PortfolioItem.objects.bulk_update(changed, ["position"])


@transaction.atomic
def item_move(*, item: PortfolioItem, direction: str) -> None:
    """Move an item one place ``"up"`` or ``"down"``; at either end it stays where it is."""
    portfolio = _locked(item.portfolio)
    ordered = list(portfolio.items.order_by("position", "pk"))
    index = next((i for i, other in enumerate(ordered) if other.pk == item.pk), None)
    if index is None:
        return  # removed in another tab
    other = index - 1 if direction == "up" else index + 1
    if direction not in ("up", "down") or not 0 <= other < len(ordered):
        return
    ordered[index], ordered[other] = ordered[other], ordered[index]
    _renumber(portfolio, ordered)
    portfolio.save(update_fields=["updated_at"])


@transaction.atomic
def item_remove(*, item: PortfolioItem) -> None:
    """Take an item out of the portfolio (the material itself is untouched)."""
    portfolio = _locked(item.portfolio)
    PortfolioItem.objects.filter(pk=item.pk).delete()
    _renumber(portfolio, list(portfolio.items.order_by("position", "pk")))
    portfolio.save(update_fields=["updated_at"])


@transaction.atomic
def statement_write(*, portfolio: Portfolio, author: User, text: str) -> Portfolio:
    """The supervisor's statement, signed with their name and the time (ValidationError if empty)."""
    portfolio = _locked(portfolio)
    text = (text or "").strip()
    if not text:
        raise ValidationError({"statement": "Write the statement before saving it."})
    portfolio.statement = text
    portfolio.statement_by = author
    portfolio.statement_at = timezone.now()
    portfolio.full_clean(exclude=["owner", "shared_with", "statement_by"])
    portfolio.save()
    return portfolio
