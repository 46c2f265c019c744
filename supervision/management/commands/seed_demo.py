"""Loads the demo people and records; safe to run again (it changes nothing the second time)."""

from django.core.management.base import BaseCommand

from questionnaires.demo import seed_questionnaires
from supervision.demo.people import seed_people
from worksheets.demo import seed_worksheets


class Command(BaseCommand):
    help = "Create the demo accounts and their supervision records (idempotent)."

    def handle(self, *args, **options):
        people = seed_people()
        seed_worksheets(people)
        seed_questionnaires(people)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({len(people)} demo accounts)."))
