"""The portfolio as an export (``exports.documents``): what the owner chose, in their order."""

from django.http import Http404
from django.utils import timezone

from portfolios.models import Portfolio
from portfolios.selectors import portfolio_sections
from supervision.viewer import object_for


class PortfolioDocument:
    key = "portfolio"
    verbose_name = "Portfolio"

    def params_from(self, data) -> dict:
        try:
            return {"portfolio": int(data.get("portfolio", ""))}
        except ValueError:
            raise Http404("No such portfolio.") from None

    def authorize(self, request, params: dict) -> str:
        """Only the owner exports their portfolio (403 for the supervisor who may read it)."""
        portfolio = object_for(
            request,
            Portfolio.objects.all(),
            params["portfolio"],
            view="view_portfolio",
            need="change_portfolio",
        )
        return f"Portfolio: {portfolio.title}"

    def build(self, export, progress) -> tuple[str, dict, str]:
        portfolio = Portfolio.objects.select_related("owner", "statement_by").get(
            pk=export.params["portfolio"], owner=export.owner
        )
        sections = portfolio_sections(portfolio)
        progress(20, f"{len(sections)} items")
        context = {
            "portfolio": portfolio,
            "sections": sections,
            "title": portfolio.title,
            "author": portfolio.owner.name,
            "made_at": timezone.localtime(),
            "print": True,
        }
        slug = "".join(c if c.isalnum() else "-" for c in portfolio.title.lower()).strip("-")
        return "portfolios/print.html", context, f"portfolio-{slug or portfolio.pk}.pdf"
