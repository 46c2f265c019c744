"""Run recording retention now: delete on the delete-by date, warn a week ahead."""

from django.core.management.base import BaseCommand

from recordings.services import recordings_retention
from recordings.tasks import recordings_retention_daily, retention_schedule


class Command(BaseCommand):
    help = (
        "Deletes recordings whose delete-by date has come (file, comments and replies), warns "
        "owners a week ahead and removes abandoned uploads. Run it daily (cron or a systemd timer), "
        "or once with --schedule: the task worker then runs it every day."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the run to the task worker (manage.py db_worker) instead of running it here.",
        )

        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the daily run for the task worker (once; safe to repeat).",
        )

    def handle(self, *args, enqueue=False, schedule=False, **options):
        if schedule:
            if retention_schedule():
                self.stdout.write("The daily recording retention run is queued.")
            else:
                self.stdout.write("This task backend cannot queue work for later; run this daily.")
            return
        if enqueue:
            result = recordings_retention_daily.enqueue()
            self.stdout.write(f"Queued retention run {result.id}.")
            return
        outcome = recordings_retention()
        self.stdout.write(
            "Deleted {deleted} recording(s), warned {warned} owner(s), removed "
            "{uploads_removed} abandoned upload(s).".format(**outcome)
        )
