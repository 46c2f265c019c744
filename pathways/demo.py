"""Demo pathways: the library, and one pathway in progress for Lina (step 1 handed in, step 2 open).

Made through the services, so permissions and notices come with it. Running it again changes
nothing.
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from homework.services.assignments import ObstaclePlan
from homework.services.entries import occurrence_entry_start
from pathways.library import library_load
from pathways.models import Pathway, PathwayRun
from pathways.services import pathway_assign, pathway_releases_run
from supervision.models import Supervision, User
from worksheets.services.entries import entry_submit


@transaction.atomic
def seed_pathways(people: dict[str, User]) -> None:
    library_load()
    supervision = Supervision.objects.get(
        supervisor=people["supervisor"],
        supervisee=people["trainee1"],
        group__isnull=True,
        ended_on__isnull=True,
    )
    if PathwayRun.objects.filter(assignment__supervision=supervision).exists():
        return
    now = timezone.now()
    assignment = pathway_assign(
        pathway=Pathway.objects.get(library_key="first-month-of-self-practice"),
        supervision=supervision,
        supervisor=supervision.supervisor,
        data={
            "rationale": "You ask patients for daily thought records; a month of your own shows "
            "what that asks of them, and gives us examples to talk about.",
            "confidence": 7,
        },
        obstacles=[ObstaclePlan("Busy clinic weeks", "Keep the record short: five minutes")],
        now=now - datetime.timedelta(days=4),
    )
    first = assignment.expected.order_by("sequence").first()
    entry = occurrence_entry_start(occurrence=first, author=supervision.supervisee)
    entry_submit(
        entry=entry,
        answers={},
        reflection="I want to see how hard a daily record really is on a busy day, and I will "
        "work with my worry about running late.",
        expected_version=entry.version,
        session=uuid.uuid4().hex,
        submitted_at=now - datetime.timedelta(days=3),
    )
    # The worker would do this after the commit; the demo does it at once.
    pathway_releases_run(now=now)
