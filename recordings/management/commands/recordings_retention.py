"""Run recording retention now: delete on the delete-by date, warn a week ahead."""

from django.core.management.base import BaseCommand

from recordings.services import recordings_retention
from recordings.tasks import recordings_retention_daily


class Command(BaseCommand):
    help = (
        "Deletes recordings whose delete-by date has come (file, comments and replies), warns "
        "owners a week ahead and removes abandoned uploads. Run it daily (cron or a systemd timer)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Hand the run to the task worker (manage.py db_worker) instead of running it here.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            result = recordings_retention_daily.enqueue()
            self.stdout.write(f"Queued retention run {result.id}.")
            return
        outcome = recordings_retention()
        self.stdout.write(
            "Deleted {deleted} recording(s), warned {warned} owner(s), removed "
            "{uploads_removed} abandoned upload(s).".format(**outcome)
        )
