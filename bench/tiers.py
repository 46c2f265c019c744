"""Data tiers (issue 11): XS is the demo; S, M and L add supervisors with their supervisees.

| tier | supervisors added | supervisees each |
|---|---|---|
| XS | 0 | (the demo: 2 supervisors, 3 supervisees) |
| S | 10 | 5 |
| M | 50 | 8 |
| L | 200 | 10 |

The first added supervisor is built through the apps' services, so permissions and notices
come with it: their first three supervisees get the demo's six months of every app's records
(``demo/parts.py``: meetings, cases, homework, entries, feedback, questionnaires, recordings);
the others a year of monthly meetings with homework handed in, reviewed and answered
(``_year_of_supervision``). The benchmark signs in as that supervisor and their first trainee
(``bench.shapes.bench_login``), so the pages it measures are real and grow with the tier.

Every other supervisor and their supervisees are people made by the services too, with a copy
in bulk of the first supervisor's records (``bench.copies``): through the services each took
about 40 s, which made M take 40 minutes and L hours.

A tier is built once on a fresh copy of the demo (``tier_build``; bench/run.py makes one); a
database that already holds bench people is refused rather than half built again. The last step
marks the database as built (``built_mark``), so ``BENCH_REUSE_DATA=1`` can tell a finished
tier from an interrupted one.
"""

import datetime
import time
import uuid

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.utils import timezone

from bench.copies import capture_since, copied_models, copy_records, high_water
from bench.shapes import PER_PART, TIERS, built_mark
from courses.models import CoursePage, Enrollment
from courses.services.enrollment import enrollment_enrol_many
from demo.parts import PARTS
from feedback.services import feedback_create, feedback_release
from homework.services.assignments import assignment_create
from homework.services.entries import occurrence_entry_start
from homework.services.reviews import review_record
from supervision.demo import DEMO_PASSWORD, DEMO_TOTP_SECRET
from supervision.demo.people import seed_people
from supervision.models import Supervision, User
from supervision.services.meetings import meeting_create
from supervision.services.people import user_create
from supervision.services.relationships import supervision_start
from worksheets.services.entries import entry_submit

YEAR_DAYS = 364
# Our own words, the same for every generated supervisee: the pages measure rows, not prose.
SUMMARY = "Reviewed last month's homework first, then worked on the case the trainee chose."
LEARNED = "Writing the urge down straight after the session made it easier to hold back."
FEEDBACK = "Good noticing. Next time add what you did instead, in one line."
HOMEWORK = {
    "title": "Notice the urge to rescue",
    "category": "self_work",
    "instructions": "After each session, write down the moment I wanted to step in.",
    "rationale": "Patients do more when I hold back; noticing the urge comes first.",
    "when": "Straight after the session",
    "where": "At my desk",
    "how_often": "Once",
    "how_long": "Five minutes",
    "schedule": "once",
    "occurrences": 1,
    "confidence": 8,
    "reading": "",
}


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
    """One supervisor with ``supervisees`` trainees; running it again changes nothing.

    The first three get the demo's six months of every app's records (``demo.parts``; the
    parts seed one supervisor's trainee1, trainee2 and supervisor in training, once); every
    further supervisee gets a year of monthly meetings, each agreeing homework that is handed
    in, reviewed at the next meeting, and answered with feedback every third time.
    """
    shared = seed_people()  # the course editor and the administrator
    supervisor, *trainees = _people(number, supervisees, password_hash)
    first, rest = trainees[: len(PER_PART)], trainees[len(PER_PART) :]
    if len(first) == len(PER_PART):
        people = {**shared, "supervisor": supervisor, **dict(zip(PER_PART, first, strict=True))}
        if not Supervision.objects.filter(supervisor=supervisor, supervisee=first[0]).exists():
            started = timezone.localdate() - datetime.timedelta(days=190)  # as seed_people
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
    else:
        rest = trainees
    for trainee in rest:
        if not Supervision.objects.filter(supervisor=supervisor, supervisee=trainee).exists():
            _year_of_supervision(supervisor, trainee)
    # Everyone takes the demo course, as the demo people do (the bench reads a lesson).
    for course in CoursePage.objects.live():
        enrollment_enrol_many(
            course=course, people=[supervisor], role=Enrollment.Role.SUPERVISOR, enrolled_by=None
        )
        enrollment_enrol_many(
            course=course, people=trainees, role=Enrollment.Role.TRAINEE, enrolled_by=None
        )


@transaction.atomic
def _year_of_supervision(supervisor: User, supervisee: User) -> None:
    today = timezone.localdate()
    supervision = supervision_start(
        supervisor=supervisor,
        supervisee=supervisee,
        started_on=today - datetime.timedelta(days=YEAR_DAYS + 7),
    )
    dates = [today - datetime.timedelta(days=YEAR_DAYS - 28 * n) for n in range(YEAR_DAYS // 28)]
    dates = [date + datetime.timedelta(days=(7 - date.weekday()) % 7) for date in dates]  # Mondays
    agreed = None
    for index, date in enumerate(d for d in dates if d < today):
        meeting = meeting_create(
            recorded_by=supervisor,
            supervision=supervision,
            date=date,
            duration_minutes=60,
            sections={"agenda": f"Cases and homework, meeting {index + 1}.", "summary": SUMMARY},
        )
        if agreed is not None:
            review_record(
                assignment=agreed,
                recorder=supervisor,
                data={"outcome": "done", "learned": LEARNED, "next_step": "keep"},
                meeting=meeting,
            )
        agreed = assignment_create(
            supervision=supervision,
            author=supervisor,
            data={**HOMEWORK, "starts_on": date + datetime.timedelta(days=7)},
            meeting=meeting,
            today=date,
        )
        for occurrence in agreed.expected.all():
            entry = occurrence_entry_start(occurrence=occurrence, author=supervisee)
            entry_submit(
                entry=entry,
                answers={},
                reflection=LEARNED,
                expected_version=entry.version,
                session=uuid.uuid4().hex,
            )
            if index % 3 == 0:
                feedback = feedback_create(entry=entry, author=supervisor, body=FEEDBACK)
                feedback_release(feedback=feedback, releaser=supervisor)


def _people(number: int, supervisees: int, password_hash: str) -> list[User]:
    """Supervisor ``number`` and their trainees, in the order bench.shapes names them."""
    supervisor = _person(
        f"bench-supervisor-{number}@example.org", f"Supervisor {number}", password_hash
    )
    return [supervisor] + [
        _person(f"bench-trainee1-{number}-{n}@example.org", f"Trainee {number}.{n}", password_hash)
        for n in range(1, supervisees + 1)
    ]


def tier_build(name: str) -> None:
    """Add tier ``name``'s supervisors to a database holding the demo and no bench people.

    Raises RuntimeError on a database that already holds bench people (built or half built:
    drop it and build again). Prints how long each part took.
    """
    supervisors, supervisees = TIERS[name]
    if supervisors:
        _supervisors_add(supervisors, supervisees)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            # A utility statement takes no parameters; the mark is ours and holds no quote.
            database = connection.ops.quote_name(connection.settings_dict["NAME"])
            cursor.execute(f"COMMENT ON DATABASE {database} IS '{built_mark(name)}'")


def _supervisors_add(supervisors: int, supervisees: int) -> None:
    if User.objects.filter(email__startswith="bench-").exists():
        raise RuntimeError(
            "This database already holds bench people (a tier built before, or half built "
            "when a build stopped): drop it and build again; bench/run.py does."
        )
    started = time.monotonic()
    password_hash = make_password(DEMO_PASSWORD)
    first = _people(1, supervisees, password_hash)
    copied = copied_models()
    marks = high_water(copied)
    supervisor_add(1, supervisees, password_hash)
    captured = capture_since(marks)
    if User.objects.filter(pk__gt=first[-1].pk).exists():
        raise RuntimeError(
            "The first supervisor's build made people; bench.copies cannot copy them."
        )
    print(f"  supervisor 1 through the services: {time.monotonic() - started:.0f} s", flush=True)
    started, rows = time.monotonic(), 0
    for number in range(2, supervisors + 1):
        with transaction.atomic():
            people = _people(number, supervisees, password_hash)
            rows += copy_records(captured, {a.pk: b.pk for a, b in zip(first, people, strict=True)})
    print(
        f"  supervisors 2-{supervisors} copied: {rows} rows in {time.monotonic() - started:.0f} s",
        flush=True,
    )
