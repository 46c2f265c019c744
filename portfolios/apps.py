"""Portfolios: what a trainee chooses to show of their training, in their order, as a page and a PDF."""

from django.apps import AppConfig


class PortfoliosConfig(AppConfig):
    name = "portfolios"
    verbose_name = "Portfolios"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from exports import documents
        from portfolios.document import PortfolioDocument
        from portfolios.privacy_provider import PROVIDER as privacy_provider
        from supervision import privacy

        documents.register(PortfolioDocument())
        privacy.register(privacy_provider)
