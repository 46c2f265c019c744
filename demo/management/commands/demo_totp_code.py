"""Prints the current two-step sign-in code of the demo accounts (they share one fixed secret)."""

import time

from allauth.mfa import app_settings as mfa_settings
from django.core.management.base import BaseCommand

from supervision.demo.people import demo_totp_code


class Command(BaseCommand):
    help = "Print the current authenticator code of every demo account."

    def handle(self, *args, **options):
        period = mfa_settings.TOTP_PERIOD
        left = period - int(time.time()) % period
        self.stdout.write(demo_totp_code())
        self.stderr.write(f"(valid for {left} more seconds; each code signs in once per account)")
