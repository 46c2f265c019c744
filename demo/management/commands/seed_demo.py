"""Loads the demo people and every app's demo data (demo/parts.py); a second run changes nothing."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from demo.parts import PARTS
from supervision.demo.people import seed_people


class Command(BaseCommand):
    help = "Create the demo accounts, relationships, cases and six months of meetings (idempotent)."

    def handle(self, *args, **options):
        people = seed_people()
        for _label, seed in PARTS:
            seed(people)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({len(people)} demo accounts)."))
        # The course comes last: its lessons embed worksheets from the library loaded above.
        call_command("seed_courses", stdout=self.stdout)
