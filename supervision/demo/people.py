"""Creates the demo accounts and relationships through the services; running it twice changes nothing."""

import datetime
import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE, DEMO_TOTP_SECRET
from supervision.models import Supervision, User
from supervision.roles import ADMINISTRATORS_GROUP, COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure, user_create
from supervision.services.relationships import supervision_start


@transaction.atomic
def seed_people() -> dict[str, User]:
    groups = groups_ensure()
    people: dict[str, User] = {}
    for person in DEMO_PEOPLE:
        user = User.objects.filter(email=person["email"]).first()
        if user is None:
            user = user_create(
                email=person["email"],
                password=DEMO_PASSWORD,
                display_name=person["display_name"],
                is_superuser=person["key"] == "admin",
                is_staff=person["key"] == "admin",
            )
        people[person["key"]] = user
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, DEMO_TOTP_SECRET)
    _join(people["editor"], groups[COURSE_STAFF_GROUP])
    _join(people["admin"], groups[ADMINISTRATORS_GROUP])

    started = timezone.localdate() - datetime.timedelta(days=190)
    pairs = [
        ("supervisor", "trainee1", Supervision.Kind.CLINICAL),
        ("supervisor", "trainee2", Supervision.Kind.CLINICAL),
        ("supervisor", "supervisor_in_training", Supervision.Kind.SUPERVISION_OF_SUPERVISION),
        ("supervisor_in_training", "trainee2", Supervision.Kind.CLINICAL),
    ]
    for supervisor_key, supervisee_key, kind in pairs:
        supervisor, supervisee = people[supervisor_key], people[supervisee_key]
        exists = Supervision.objects.filter(
            supervisor=supervisor, supervisee=supervisee, group__isnull=True, ended_on__isnull=True
        ).exists()
        if not exists:
            supervision_start(
                supervisor=supervisor, supervisee=supervisee, kind=kind, started_on=started
            )
    return people


def _join(user: User, group: Group) -> None:
    user.groups.add(group)


def demo_totp_code(at: float | None = None) -> str:
    """The code an authenticator app with ``DEMO_TOTP_SECRET`` shows at ``at`` (Unix seconds; now)."""
    period = mfa_settings.TOTP_PERIOD
    counter = int(time.time() if at is None else at) // period
    return format_hotp_value(hotp_value(DEMO_TOTP_SECRET, counter))
