"""What portfolios hold about a person, for export and erasure (``supervision.privacy``).

A portfolio is its owner's own selection and commentary; it goes with them. A statement a
supervisor wrote on someone else's portfolio stays with that portfolio, naming the tombstone.
"""

from portfolios.models import Portfolio, PortfolioItem
from supervision import privacy


def portfolios(person) -> list[dict]:
    return list(
        Portfolio.objects.filter(owner=person).values(
            "id", "title", "summary", "statement", "statement_at", "created_at", "updated_at"
        )
    )


def items(person) -> list[dict]:
    return list(
        PortfolioItem.objects.filter(portfolio__owner=person).values(
            "portfolio_id", "position", "kind", "entry_id", "questionnaire_key", "commentary"
        )
    )


PROVIDER = privacy.Provider(
    app="portfolios",
    holdings=(
        privacy.Holding(
            "portfolios.Portfolio.owner",
            privacy.DELETE,
            "Their portfolios: their own selection, order and commentary.",
        ),
        privacy.Holding(
            "portfolios.Portfolio.statement_by",
            privacy.KEEP,
            "A statement on someone else's portfolio stays with it, naming the tombstone.",
        ),
        *privacy.object_permissions("portfolios.PortfolioUserObjectPermission"),
    ),
    exports=(
        privacy.Export("Portfolios", portfolios),
        privacy.Export("Portfolio items", items),
    ),
)
