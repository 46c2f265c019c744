"""Demo feedback on Lina's shared thought record, written through the services.

Dr Holt has released a comment on one answer (with a short exchange under it), released and
later edited a comment on the whole entry, and keeps one draft she has not released yet. Running it
again changes nothing: comments and replies are found again by their tokens, a release happens
once, and an edit to the same text is no edit.
"""

import uuid

from django.db import transaction

from feedback.models import Feedback
from feedback.services import (
    feedback_create,
    feedback_release,
    feedback_reply,
    feedback_update,
)
from supervision.models import User
from worksheets.demo import DEMO_NAMESPACE
from worksheets.models import Entry


def _token(name: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"feedback-{name}")


def _comment(entry: Entry, author: User, name: str, body: str, anchor: str = "") -> Feedback:
    return feedback_create(
        entry=entry, author=author, body=body, anchor=anchor, client_token=_token(name)
    )


@transaction.atomic
def seed_feedback(people: dict[str, User]) -> None:
    supervisor, lina = people["supervisor"], people["trainee1"]
    entry = Entry.objects.filter(
        author=lina, start_token=uuid.uuid5(DEMO_NAMESPACE, "lina-thought-record")
    ).first()
    if entry is None or entry.status != Entry.Status.SUBMITTED:
        return

    on_thoughts = feedback_release(
        feedback=_comment(
            entry,
            supervisor,
            "thoughts",
            "You caught two thoughts, and the second one (“I will never get the structure right”) "
            "is the one that carries the weight. Notice the word “never”: what would you say to a "
            "patient who wrote it?",
            anchor="automatic_thoughts",
        ),
        releaser=supervisor,
    )
    feedback_reply(
        feedback=on_thoughts,
        author=lina,
        body="I would ask them how often it has actually happened. Twice in a month, out of "
        "about thirty sessions.",
        client_token=_token("thoughts-reply-1"),
    )
    feedback_reply(
        feedback=on_thoughts,
        author=supervisor,
        body="Exactly. Let us look at the late-running sessions together on Thursday.",
        client_token=_token("thoughts-reply-2"),
    )

    whole = feedback_release(
        feedback=_comment(
            entry,
            supervisor,
            "whole",
            "A careful record. The balanced thought is believable because it names a pattern "
            "you can change.",
        ),
        releaser=supervisor,
    )
    if not whole.revisions.exists():  # edited once; later edits made in the app are kept
        feedback_update(
            feedback=whole,
            editor=supervisor,
            body="A careful record. The balanced thought is believable because it names a pattern "
            "you can change. For next time, add one small step you will try in the next late "
            "session.",
            expected_version=whole.version,
        )

    _comment(
        entry,
        supervisor,
        "balanced-draft",
        "Ask whether 65% belief is enough to act on; perhaps rate it again after Thursday.",
        anchor="a_more_balanced_thought",
    )
