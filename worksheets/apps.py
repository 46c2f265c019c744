"""The worksheets app: templates authored in Wagtail, frozen versions, and the entries people write."""

from django.apps import AppConfig


class WorksheetsConfig(AppConfig):
    name = "worksheets"
    verbose_name = "Worksheets"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from worksheets import receivers

        post_migrate.connect(receivers.library_curators_after_migrate, sender=self)

        from supervision import privacy
        from worksheets.privacy_provider import PROVIDER as privacy_provider

        privacy.register(privacy_provider)
