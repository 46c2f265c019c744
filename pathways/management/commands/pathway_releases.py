"""Release the pathway steps whose time has come; or queue the daily run for the task worker."""

from django.core.management.base import BaseCommand

from pathways.services import pathway_releases_run
from pathways.tasks import releases_schedule


class Command(BaseCommand):
    help = (
        "Opens every held pathway step whose day has come or whose step it waits for was handed "
        "in (each exactly once). Run it daily, or once with --schedule: the task worker then "
        "runs it every day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the daily run for the task worker (once; safe to repeat).",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            if releases_schedule():
                self.stdout.write("The daily pathway release run is queued.")
            else:
                self.stdout.write("This task backend cannot queue work for later; run this daily.")
            return
        self.stdout.write(f"Released {pathway_releases_run()} pathway step(s).")
