"""The demo's reminders: homework due today for Lina, so `make run` shows a reminder e-mail at once."""

import datetime

from django.db import transaction
from django.utils import timezone

from homework.models import Assignment
from homework.services.assignments import assignment_create
from notifications.models import Notification
from notifications.services import notification_preference_save
from supervision.models import Supervision, User

TITLE = "Write down one moment I wanted to fix things for a patient"


@transaction.atomic
def seed_reminders(people: dict[str, User]) -> None:
    lina = people["trainee1"]
    supervision = Supervision.objects.get(
        supervisor=people["supervisor"], supervisee=lina, group__isnull=True, ended_on__isnull=True
    )
    if not Assignment.objects.filter(supervision=supervision, title=TITLE).exists():
        # No quiet hours for Lina, so the demo shows her reminder at any hour of the day.
        notification_preference_save(
            person=lina,
            email_kinds=list(Notification.Kind.values),
            quiet_from=None,
            quiet_until=None,
            weekly_digest=True,
        )
        assignment = assignment_create(
            supervision=supervision,
            author=supervision.supervisor,
            data={
                "title": TITLE,
                "category": "self_work",
                "instructions": "After one session today, note the moment I wanted to step in, "
                "what I felt, and what I did instead.",
                "rationale": "Noticing the urge is the first step to choosing what to do with it.",
                "how_long": "Five minutes",
                "schedule": "once",
                "starts_on": timezone.localdate(),
                "occurrences": 1,
                "confidence": 8,
            },
        )
        # Agreed at the last meeting, three days ago: the reminder is due since yesterday morning.
        agreed = timezone.now() - datetime.timedelta(days=3)
        Assignment.objects.filter(pk=assignment.pk).update(created_at=agreed)
        # The demo's history happened long ago: its notices are in the app, their e-mails are
        # not sent now. The reminder comes from the task queued for the homework above.
        Notification.objects.filter(
            recipient__in=people.values(), email_status=Notification.Email.PENDING
        ).update(email_status=Notification.Email.NONE)
