"""``manage.py notify_sweep``: send whatever is due now and was missed; safe to run any number of times."""

from django.core.management.base import BaseCommand

from reminders.services import reminders_sweep


class Command(BaseCommand):
    help = (
        "Send the reminders, nudges, meeting reminders, weekly summaries and e-mails that are due "
        "and were not sent yet (for cron or a systemd timer; running it twice sends nothing twice)."
    )

    def handle(self, *args, **options):
        counts = reminders_sweep()
        self.stdout.write(
            "Sent {reminders} homework notices, {meetings} meeting reminders, {digests} weekly "
            "summaries and {emails} e-mails.".format(**counts)
        )
