"""Loads the bundled pathway library; safe to run again (pathways already there are left alone)."""

from django.core.management.base import BaseCommand

from pathways.library import LIBRARY, library_load


class Command(BaseCommand):
    help = "Create the bundled library pathways that are not loaded yet (idempotent)."

    def handle(self, *args, **options):
        created = library_load()
        self.stdout.write(
            self.style.SUCCESS(
                f"Pathway library ready: {len(LIBRARY)} pathways, {len(created)} newly loaded."
            )
        )
