"""Prints the demo accounts and their shared password, for the README's quick start."""

from django.core.management.base import BaseCommand

from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TOTP_SECRET


class Command(BaseCommand):
    help = "Print the demo logins."

    def handle(self, *args, **options):
        width = max(len(person["email"]) for person in DEMO_PEOPLE)
        self.stdout.write("")
        self.stdout.write("Demo logins (open http://127.0.0.1:8000/):")
        for person in DEMO_PEOPLE:
            self.stdout.write(f"  {person['email']:<{width}}  {person['role']}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        self.stdout.write(
            "Two-step sign-in is on: after the password, enter the code that "
            "`.venv/bin/python manage.py demo_totp_code` prints (or add the key "
            f"{DEMO_TOTP_SECRET} to any authenticator app)."
        )
        self.stdout.write("")
