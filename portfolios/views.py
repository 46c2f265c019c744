"""Thin views over portfolios.services: every object comes through object_for (404 / 403)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from exports.selectors import latest_export
from portfolios import services
from portfolios.forms import (
    CommentaryForm,
    ItemAddForm,
    PortfolioCreateForm,
    PortfolioForm,
    ShareForm,
    StatementForm,
)
from portfolios.models import Portfolio, PortfolioItem
from portfolios.selectors import choosable, portfolio_sections, portfolios_of
from supervision.forms import apply_errors
from supervision.idempotency import create_once
from supervision.models import Supervision
from supervision.viewer import object_for, viewer_for


def _portfolio(request, pk, *, need=None) -> Portfolio:
    return object_for(
        request,
        Portfolio.objects.select_related("owner", "statement_by", "shared_with__supervisor"),
        pk,
        view="view_portfolio",
        need=need,
    )


def _item(request, pk, item_pk) -> PortfolioItem:
    portfolio = _portfolio(request, pk, need="change_portfolio")
    item = PortfolioItem.objects.filter(portfolio=portfolio, pk=item_pk).first()
    if item is None:
        messages.info(request, "That item is no longer in the portfolio.")
    else:
        item.portfolio = portfolio
    return portfolio, item


def portfolio_url(portfolio) -> str:
    return reverse("portfolios:portfolio_detail", args=[portfolio.pk])


def _detail(request, pk):
    return redirect("portfolios:portfolio_detail", pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_list(request):
    """Your portfolios and those shared with you; a trainee starts a new one here."""
    form = PortfolioCreateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            portfolio = create_once(
                request,
                lambda: services.portfolio_create(
                    owner=request.user, title=form.cleaned_data["title"]
                ),
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            return redirect("portfolios:item_add", pk=portfolio.pk)
    portfolios = list(portfolios_of(request.user))
    return render(
        request,
        "portfolios/list.html",
        {
            "form": form,
            "own": [p for p in portfolios if p.owner_id == request.user.pk],
            "shared": [p for p in portfolios if p.owner_id != request.user.pk],
        },
    )


def _render_detail(request, portfolio, statement_form=None):
    viewer = viewer_for(request)
    is_owner = viewer.has_perm("change_portfolio", portfolio)
    sections = portfolio_sections(portfolio)
    if is_owner:
        for section in sections:
            section.form = CommentaryForm(
                prefix=f"item{section.item.pk}",
                initial={"commentary": section.item.commentary},
            )
    context = {
        "portfolio": portfolio,
        "sections": sections,
        "is_owner": is_owner,
        "may_state": viewer.has_perm("write_statement", portfolio),
        "statement_form": statement_form
        or StatementForm(initial={"statement": portfolio.statement}),
    }
    if is_owner:
        context["latest_export"] = latest_export(
            request.user, document="portfolio", params={"portfolio": portfolio.pk}
        )
    return render(request, "portfolios/detail.html", context)


@login_required
@require_GET
def portfolio_detail(request, pk):
    """The readable web view: the owner arranges it here; a supervisor it is shared with reads it."""
    return _render_detail(request, _portfolio(request, pk))


@login_required
@require_http_methods(["GET", "POST"])
def portfolio_edit(request, pk):
    """Title, reflective summary, and which supervisor may read it."""
    portfolio = _portfolio(request, pk, need="change_portfolio")
    supervisions = list(
        Supervision.objects.active()
        .filter(supervisee=request.user)
        .select_related("supervisor")
        .order_by("supervisor__display_name", "pk")
    )
    form = PortfolioForm(
        request.POST or None, initial={"title": portfolio.title, "summary": portfolio.summary}
    )
    share = ShareForm(
        request.POST or None,
        supervisions=supervisions,
        initial={"shared_with": portfolio.shared_with_id},
    )
    if request.method == "POST" and form.is_valid() and share.is_valid():
        chosen = share.cleaned_data["shared_with"]
        try:
            services.portfolio_update(
                portfolio=portfolio,
                title=form.cleaned_data["title"],
                summary=form.cleaned_data["summary"],
            )
            services.portfolio_share(
                portfolio=portfolio,
                supervision=share.supervisions.get(chosen) if chosen else None,
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Portfolio saved.")
            return _detail(request, portfolio.pk)
    return render(
        request, "portfolios/edit.html", {"portfolio": portfolio, "form": form, "share": share}
    )


@login_required
@require_http_methods(["GET", "POST"])
def item_add(request, pk):
    """Choose from your own material: entries, questionnaires, ratings received, lessons."""
    portfolio = _portfolio(request, pk, need="change_portfolio")
    form = ItemAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            create_once(
                request,
                lambda: services.item_add(portfolio=portfolio, choice=form.cleaned_data["choice"]),
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, "Added to the portfolio.")
        return redirect("portfolios:item_add", pk=portfolio.pk)
    choices = choosable(portfolio)
    groups = [(PortfolioItem.Kind(kind).label, options) for kind, options in choices.items()]
    return render(
        request,
        "portfolios/item_add.html",
        {"portfolio": portfolio, "groups": groups, "count": portfolio.items.count()},
    )


@login_required
@require_POST
def item_update(request, pk, item_pk):
    portfolio, item = _item(request, pk, item_pk)
    if item is None:
        return _detail(request, portfolio.pk)
    form = CommentaryForm(request.POST, prefix=f"item{item.pk}")
    if form.is_valid():
        services.item_comment(item=item, commentary=form.cleaned_data["commentary"])
        messages.success(request, "Commentary saved.")
    else:
        messages.error(request, " ".join(form.errors["commentary"]))
    return redirect(f"{portfolio_url(portfolio)}#item-{item.pk}")


@login_required
@require_POST
def item_move(request, pk, item_pk):
    portfolio, item = _item(request, pk, item_pk)
    if item is not None:
        services.item_move(item=item, direction=request.POST.get("direction", ""))
        return redirect(f"{portfolio_url(portfolio)}#item-{item.pk}")
    return _detail(request, portfolio.pk)


@login_required
@require_POST
def item_remove(request, pk, item_pk):
    portfolio, item = _item(request, pk, item_pk)
    if item is not None:
        services.item_remove(item=item)
        messages.success(request, "Taken out of the portfolio. The original is unchanged.")
    return _detail(request, portfolio.pk)


@login_required
@require_POST
def statement_write(request, pk):
    """The supervisor it is shared with writes (or rewrites) their statement."""
    portfolio = _portfolio(request, pk, need="write_statement")
    form = StatementForm(request.POST)
    if form.is_valid():
        try:
            services.statement_write(
                portfolio=portfolio, author=request.user, text=form.cleaned_data["statement"]
            )
        except ValidationError as error:
            apply_errors(form, error)
        else:
            messages.success(request, "Statement saved.")
            return _detail(request, portfolio.pk)
    return _render_detail(request, portfolio, statement_form=form)
