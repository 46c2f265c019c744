"""Loads the demo people and records; safe to run again (it changes nothing the second time)."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from feedback.demo import seed_feedback
from homework.demo import seed_homework
from questionnaires.demo import seed_questionnaires
from supervision.demo.people import seed_people
from supervision.demo.records import seed_records
from worksheets.demo import seed_worksheets


class Command(BaseCommand):
    help = "Create the demo accounts, relationships, cases and six months of meetings (idempotent)."

    def handle(self, *args, **options):
        people = seed_people()
        seed_records(people)
        seed_worksheets(people)
        seed_homework(people)
        seed_feedback(people)
        seed_questionnaires(people)
        self.stdout.write(self.style.SUCCESS(f"Demo data ready ({len(people)} demo accounts)."))
        call_command("seed_courses", stdout=self.stdout)
