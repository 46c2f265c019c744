"""The background work of pathways: releasing steps whose time has come.

``pathway_releases_daily`` runs once a day and queues its next run (``supervision.daily``);
``manage.py pathway_releases --schedule`` queues the first (``make run`` does). A hand-in queues
``pathway_releases`` for its own run at once, so a step that waits for it opens without a day's
wait. Either may run twice or at the same time on two workers: each step is released once.
"""

from datetime import datetime, time

from django.tasks import task

from pathways.services import pathway_releases_run
from supervision.daily import daily_schedule

# Just after midnight in the server's zone; a step opens on its day in the supervisee's zone,
# so the run also opens what a later time zone has reached by then (the next run the rest).
RELEASES_AT = time(0, 15)


def releases_schedule(*, now: datetime | None = None) -> bool:
    """Queue tomorrow's run unless one is waiting; False where the backend cannot defer."""
    return daily_schedule(pathway_releases_daily, at=RELEASES_AT, now=now)


@task
def pathway_releases(*, run_ids: list[int] | None = None) -> int:
    return pathway_releases_run(run_ids=run_ids)


@task
def pathway_releases_daily() -> int:
    released = pathway_releases_run()
    releases_schedule()
    return released
