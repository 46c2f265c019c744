"""Exports: PDFs built by the task worker; the documents an export can be are registered here."""

from django.apps import AppConfig


class ExportsConfig(AppConfig):
    name = "exports"
    verbose_name = "Exports"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from exports import documents
        from exports import panels as export_panels
        from exports.logbook import LogBook
        from supervision import panels

        documents.register(LogBook())
        panels.register(
            "signoff.detail",
            template="exports/includes/_logbook_panel.html",
            context=export_panels.signoff_logbook,
        )
