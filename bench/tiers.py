"""Data tiers (issue 11): XS is the demo; S, M and L add supervisors with their supervisees.

| tier | supervisors added | supervisees each |
|---|---|---|
| XS | 0 | (the demo: 2 supervisors, 3 supervisees) |
| S | 10 | 5 |
| M | 50 | 8 |
| L | 200 | 10 |

Every record is written through the apps' own demo parts (``demo/parts.py``), so it looks like
real use: six months of meetings, cases, homework, entries, feedback, questionnaires and
recordings, with permissions and notices. A demo part seeds one supervisor with three
supervisees (the demo's trainee1, trainee2 and supervisor in training), so a supervisor gets
their supervisees three at a time; the remainder (8 = 3 + 3 + 2) start a supervision with no
records yet, as newly arrived trainees do. The benchmark signs in as the first added
supervisor (``bench_login``), so the pages it measures grow with the tier.
"""

import datetime

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from demo.parts import PARTS
from supervision.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET
from supervision.demo.people import seed_people
from supervision.models import Supervision, User
from supervision.services.people import user_create
from supervision.services.relationships import supervision_start

# (supervisors added, supervisees per supervisor)
TIERS = {"XS": (0, 0), "S": (10, 5), "M": (50, 8), "L": (200, 10)}
PER_PART = ("trainee1", "trainee2", "supervisor_in_training")


def bench_login(tier: str, key: str) -> str:
    """The e-mail the benchmark signs in with as ``key`` (supervisor or trainee1) on ``tier``."""
    if TIERS[tier][0] == 0:
        return f"{key.replace('_', '.')}@example.org"
    return (
        f"bench-{key}-1-1@example.org" if key != "supervisor" else "bench-supervisor-1@example.org"
    )


def _person(email: str, display_name: str, password_hash: str) -> User:
    # Hashing the demo password once per tier, not once per person: argon2 is slow on purpose.
    user = User.objects.filter(email=email).first()
    if user is None:
        user = user_create(email=email, password=None, display_name=display_name)
        User.objects.filter(pk=user.pk).update(password=password_hash)
    if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
        TOTP.activate(user, DEMO_TOTP_SECRET)  # supervisors must have a second factor
    return user


def supervisor_add(number: int, supervisees: int, password_hash: str) -> None:
    """One supervisor with ``supervisees`` trainees; running it again changes nothing."""
    shared = seed_people()  # the course editor and the administrator
    started = timezone.localdate() - datetime.timedelta(days=190)
    supervisor = _person(
        f"bench-supervisor-{number}@example.org", f"Supervisor {number}", password_hash
    )
    trainees = [
        _person(f"bench-trainee1-{number}-{n}@example.org", f"Trainee {number}.{n}", password_hash)
        for n in range(1, supervisees + 1)
    ]
    for start in range(0, supervisees, len(PER_PART)):
        group = trainees[start : start + len(PER_PART)]
        if len(group) < len(PER_PART):
            for trainee in group:
                if not Supervision.objects.filter(
                    supervisor=supervisor, supervisee=trainee
                ).exists():
                    supervision_start(supervisor=supervisor, supervisee=trainee, started_on=started)
            continue
        people = {**shared, "supervisor": supervisor, **dict(zip(PER_PART, group, strict=True))}
        if not Supervision.objects.filter(supervisor=supervisor, supervisee=group[0]).exists():
            for a, b, kind in [
                ("supervisor", "trainee1", Supervision.Kind.CLINICAL),
                ("supervisor", "trainee2", Supervision.Kind.CLINICAL),
                (
                    "supervisor",
                    "supervisor_in_training",
                    Supervision.Kind.SUPERVISION_OF_SUPERVISION,
                ),
                ("supervisor_in_training", "trainee2", Supervision.Kind.CLINICAL),
            ]:
                supervision_start(
                    supervisor=people[a], supervisee=people[b], kind=kind, started_on=started
                )
        for _label, seed in PARTS:
            seed(people)


def tier_build(name: str) -> None:
    supervisors, supervisees = TIERS[name]
    password_hash = make_password(DEMO_PASSWORD)
    for number in range(1, supervisors + 1):
        supervisor_add(number, supervisees, password_hash)
