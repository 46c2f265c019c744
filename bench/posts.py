"""Drafts for the benchmark's two POSTs: the homework entry's autosave and its submit.

Each submit hands in one draft for good, so bench/run.py asks for enough fresh drafts before
every run (``drafts_make``), made through the services like a trainee's own: daily homework of
60 days each, with an entry started for every day. They belong to a supervision of their own
(``bench-posts-supervisor`` and ``bench-posts-trainee``), so the handed-in entries never reach
the pages the benchmark reads (the measured supervisor's "awaiting feedback" and dashboard) and
a tier measured again with ``BENCH_REUSE_DATA=1`` reads the same pages.
"""

import datetime
import json
import uuid

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from bench.tiers import _person
from homework.models import MAX_OCCURRENCES, Occurrence
from homework.services.assignments import assignment_create
from homework.services.entries import occurrence_entry_start
from supervision.demo import DEMO_PASSWORD
from supervision.models import Supervision, User
from supervision.services.relationships import supervision_start

SUPERVISOR = "bench-posts-supervisor@example.org"
TRAINEE = "bench-posts-trainee@example.org"
HOMEWORK = {
    "title": "Note one moment a day",
    "category": "self_work",
    "instructions": "Each evening, write down one moment I noticed the urge to rescue.",
    "rationale": "Daily notes show the pattern sooner than weekly ones.",
    "when": "In the evening",
    "where": "At home",
    "how_often": "Daily",
    "how_long": "Five minutes",
    "schedule": "daily",
    "occurrences": MAX_OCCURRENCES,
    "confidence": 7,
    "reading": "",
}


def _pair() -> Supervision:
    existing = Supervision.objects.filter(
        supervisor__email=SUPERVISOR, supervisee__email=TRAINEE
    ).first()
    if existing is not None:
        return existing
    password_hash = make_password(DEMO_PASSWORD)
    supervisor = _person(SUPERVISOR, "Posts supervisor", password_hash)
    trainee = _person(TRAINEE, "Posts trainee", password_hash)
    return supervision_start(
        supervisor=supervisor,
        supervisee=trainee,
        started_on=timezone.localdate() - datetime.timedelta(days=30),
    )


def drafts_make(count: int) -> dict:
    """At least ``count`` fresh homework drafts of the posts trainee, through the services
    (whole homework of 60 days: up to 59 more).

    Returns ``{"trainee": e-mail, "drafts": [[entry pk, version], ...], "session": 32 hex}``
    (printed as JSON by ``drafts_print``), oldest first; the session is a new editing tab's.
    """
    with transaction.atomic():
        supervision = _pair()
    trainee = User.objects.get(pk=supervision.supervisee_id)
    drafts = []
    while len(drafts) < count:
        with transaction.atomic():
            assignment = assignment_create(
                supervision=supervision,
                author=supervision.supervisor,
                data={**HOMEWORK, "starts_on": timezone.localdate()},
            )
            for occurrence in Occurrence.objects.filter(assignment=assignment).order_by("sequence"):
                entry = occurrence_entry_start(occurrence=occurrence, author=trainee)
                drafts.append([entry.pk, entry.version])
    return {"trainee": TRAINEE, "drafts": drafts, "session": uuid.uuid4().hex}


def drafts_print(count: int) -> None:
    """``drafts_make`` for bench/run.py, which reads the last line of ``manage.py shell``."""
    print("BENCH-DRAFTS " + json.dumps(drafts_make(count)))
