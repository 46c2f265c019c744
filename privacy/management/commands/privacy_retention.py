"""Apply the retention periods now (PRIVACY_RETENTION), or queue the daily task."""

from django.core.management.base import BaseCommand

from privacy.retention import retention_apply
from privacy.tasks import retention_schedule


class Command(BaseCommand):
    help = (
        "Remove untouched drafts, read records and export files older than PRIVACY_RETENTION "
        "allows, and say what was removed. With --schedule, queue the daily task instead."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Queue the daily retention task (once; safe to repeat) instead of running now.",
        )

    def handle(self, *args, schedule=False, **options):
        if schedule:
            if retention_schedule():
                self.stdout.write("The daily retention task is queued.")
            else:
                self.stdout.write("This task backend cannot queue work for later; run this daily.")
            return
        run = retention_apply()
        removed = ", ".join(
            f"{kind.replace('_', ' ')}: {count}" for kind, count in run.removed.items()
        )
        self.stdout.write(f"Retention applied. Removed {removed}.")
