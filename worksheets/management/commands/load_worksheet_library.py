"""Loads the bundled worksheet library; safe to run again (templates already there are left alone)."""

from django.core.management.base import BaseCommand

from worksheets.library import LIBRARY
from worksheets.services.library import library_load


class Command(BaseCommand):
    help = (
        "Create and publish the bundled worksheet templates that are not loaded yet (idempotent)."
    )

    def handle(self, *args, **options):
        created = library_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Worksheet library ready: {len(LIBRARY)} templates, {len(created)} newly loaded."
            )
        )
