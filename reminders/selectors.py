"""What the reminders pages read: homework with its reminder settings, and the task queue."""

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django_tasks_db.models import DBTaskResult

from homework.models import Assignment
from reminders.models import AssignmentMute
from supervision.models import User

TASK_STATUSES = ("READY", "RUNNING", "FAILED", "SUCCESSFUL")


def homework_with_reminders_for(person: User) -> QuerySet[Assignment]:
    """Active homework in the person's current supervisions, each with ``muted_by_me`` and
    ``muted_by_other`` (one query; for the preferences page)."""
    mutes = AssignmentMute.objects.filter(assignment=OuterRef("pk"))
    return (
        Assignment.objects.filter(
            Q(supervision__supervisee=person) | Q(supervision__supervisor=person),
            status=Assignment.Status.ACTIVE,
            supervision__ended_on__isnull=True,
        )
        .select_related("supervision__supervisee", "supervision__supervisor")
        .annotate(
            muted_by_me=Exists(mutes.filter(person=person)),
            muted_by_other=Exists(mutes.exclude(person=person)),
        )
        .order_by("starts_on", "pk")
    )


def task_counts() -> dict[str, int]:
    """How many background tasks are queued, running, failed and finished (one query)."""
    rows = DBTaskResult.objects.values("status").annotate(count=Count("pk"))
    counts = dict.fromkeys(TASK_STATUSES, 0)
    counts.update({row["status"]: row["count"] for row in rows})
    return counts


def tasks_in(status: str, limit: int = 50) -> list[DBTaskResult]:
    """The latest tasks with one status, newest first (no arguments shown: they may name people)."""
    if status not in TASK_STATUSES:
        status = "FAILED"
    return list(
        DBTaskResult.objects.filter(status=status)
        .defer("args_kwargs", "traceback")
        .order_by("-enqueued_at")[:limit]
    )
