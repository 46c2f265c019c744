"""Data tiers: XS is the demo; larger tiers add cohorts shaped like the demo's.

A cohort is the demo's cast under new addresses (a supervisor, a supervisor in training, two
trainees, a group), with every app's demo data written through the same services
(``demo/parts.py``), so the records look like real use: six months of meetings, cases,
homework, entries, feedback and questionnaires.
"""

import datetime

from django.utils import timezone

from demo.parts import PARTS
from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE
from supervision.demo.people import seed_people
from supervision.models import Supervision, User
from supervision.services.people import user_create
from supervision.services.relationships import supervision_start

# Cohorts added to the demo per tier (S: about 10 supervisors with their supervisees).
TIERS = {"XS": 0, "S": 5, "M": 25, "L": 100}
COHORT_KEYS = ("supervisor", "supervisor_in_training", "trainee1", "trainee2")


def cohort_add(number: int) -> dict[str, User]:
    people = dict(seed_people())  # editor and admin are shared
    started = timezone.localdate() - datetime.timedelta(days=190)  # as seed_people
    for person in DEMO_PEOPLE:
        if person["key"] not in COHORT_KEYS:
            continue
        local, domain = person["email"].split("@")
        email = f"{local}+c{number}@{domain}"
        people[person["key"]] = User.objects.filter(email=email).first() or user_create(
            email=email,
            password=DEMO_PASSWORD,
            display_name=f"{person['display_name']} {number}",
        )
    supervisions = Supervision.objects.filter(supervisor=people["supervisor"])
    if not supervisions.exists():
        for a, b, kind in [
            ("supervisor", "trainee1", Supervision.Kind.CLINICAL),
            ("supervisor", "trainee2", Supervision.Kind.CLINICAL),
            ("supervisor", "supervisor_in_training", Supervision.Kind.SUPERVISION_OF_SUPERVISION),
            ("supervisor_in_training", "trainee2", Supervision.Kind.CLINICAL),
        ]:
            supervision_start(
                supervisor=people[a], supervisee=people[b], kind=kind, started_on=started
            )
    for _label, seed in PARTS:
        seed(people)
    return people


def tier_build(name: str) -> None:
    for number in range(1, TIERS[name] + 1):
        cohort_add(number)
