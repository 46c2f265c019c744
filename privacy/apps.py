"""Privacy: exports, erasure, retention, and the pages of the read audit (issue 13)."""

from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "privacy"
    verbose_name = "Privacy"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from privacy.privacy_provider import PACKAGES, PROVIDER
        from supervision import privacy

        privacy.register(PROVIDER)
        privacy.register(PACKAGES)
