"""Demo homework: months of agreed, done, reviewed and dropped tasks, made through the services.

Every text is invented for this project. Running it again changes nothing.
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from homework.models import Assignment
from homework.services.assignments import ObstaclePlan, assignment_create, assignment_drop
from homework.services.entries import occurrence_entry_start
from homework.services.reviews import review_record
from supervision.models import Meeting, Supervision, User
from worksheets.models import WorksheetTemplate
from worksheets.services.entries import entry_submit

TASKS = [
    {
        "title": "Notice the moment I want to rescue",
        "category": "self_work",
        "instructions": "After each session this week, note the moment I most wanted to step in "
        "and solve the patient's problem for them, and what I did instead.",
        "rationale": "Stepping in too early has kept two patients from trying things themselves.",
        "when": "Straight after each session",
        "how_long": "Five minutes",
        "obstacles": [("Back-to-back sessions", "Write one line on a sticky note, expand later")],
        "reflection": "Three times I wanted to offer a solution. Once I asked a question instead "
        "and the patient found her own next step.",
    },
    {
        "title": "Map one problem as a vicious circle",
        "category": "mapping",
        "instructions": "Take the case we discussed and draw its vicious circle: situation, "
        "thoughts, emotions, body, behaviour.",
        "rationale": "A shared map makes the next homework for the patient easier to choose.",
        "when": "Before the next session with this patient",
        "how_long": "Twenty minutes",
        "obstacles": [("Not sure where the circle starts", "Start with the latest example")],
        "reflection": "The avoidance keeps the worry going; I had not seen how much.",
    },
    {
        "title": "Read about reviewing homework",
        "category": "study",
        "instructions": "Read the chapter on reviewing homework and note two phrases to try.",
        "rationale": "Reviews have been rushed at the end of sessions.",
        "how_long": "Forty minutes",
        "obstacles": [("No time in clinic weeks", "Read on the train on Thursday")],
        "reflection": "I will ask what got in the way before asking whether it was done.",
    },
    {
        "title": "Set homework with a confidence rating",
        "category": "implementing",
        "instructions": "In two sessions, ask the patient to rate their confidence in the homework "
        "from 0 to 10, and make it easier if it is below 7.",
        "rationale": "Patients have agreed to tasks they did not believe they could do.",
        "how_often": "Two sessions",
        "obstacles": [("Forgetting in the moment", "Write 0-10 at the top of my session plan")],
        "reflection": "One patient said 4; we halved the task and she did it.",
    },
    {
        "title": "Monitor how I end sessions",
        "category": "monitoring",
        "instructions": "For each session, note whether I left five minutes for homework.",
        "rationale": "Homework gets squeezed when sessions overrun.",
        "how_often": "Every session for two weeks",
        "obstacles": [("Sessions overrun", "Set a quiet timer at 45 minutes")],
        "reflection": "I left enough time in four of seven sessions.",
    },
]

# Outcome, reason, next step: a realistic mix, including homework that was not done.
OUTCOMES = [
    ("done", "", ""),
    ("partly", "circumstances", "keep"),
    ("not_attempted", "too_demanding", "easier"),
    ("partly", "other", "keep"),
    ("partly", "unclear", "adapt"),
    ("not_attempted", "not_important", "drop"),
]


def _at(date: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(date, datetime.time(9, 0)))


def _hand_in(assignment: Assignment, author: User, reflection: str) -> None:
    for occurrence in assignment.expected.all():
        entry = occurrence_entry_start(occurrence=occurrence, author=author)
        if entry.is_editable:
            entry_submit(
                entry=entry,
                answers={},
                reflection=reflection,
                expected_version=entry.version,
                session=uuid.uuid4().hex,
            )


def _agree(supervision: Supervision, task: dict, *, on: datetime.date, meeting=None, **extra):
    data = {
        "title": task["title"],
        "category": task["category"],
        "instructions": task["instructions"],
        "rationale": task["rationale"],
        "when": task.get("when", ""),
        "where": task.get("where", ""),
        "how_often": task.get("how_often", ""),
        "how_long": task.get("how_long", ""),
        "schedule": "once",
        "starts_on": on + datetime.timedelta(days=6),
        "occurrences": 1,
        "confidence": 7,
        "reading": "",
    }
    data.update(extra)
    assignment = assignment_create(
        supervision=supervision,
        author=supervision.supervisor,
        data=data,
        obstacles=[ObstaclePlan(*pair) for pair in task["obstacles"]],
        meeting=meeting,
        today=on,
    )
    Assignment.objects.filter(pk=assignment.pk).update(created_at=_at(on))
    return assignment


def _history(supervision: Supervision, offset: int) -> None:
    today = timezone.localdate()
    meetings = list(
        Meeting.objects.filter(
            attendances__supervision=supervision, group__isnull=True, date__lt=today
        ).order_by("date")
    )[-6:]
    for index, (agreed_at, reviewed_at) in enumerate(zip(meetings, meetings[1:], strict=False)):
        task = TASKS[(index + offset) % len(TASKS)]
        outcome, reason, next_step = OUTCOMES[(index + offset) % len(OUTCOMES)]
        assignment = _agree(supervision, task, on=agreed_at.date, meeting=agreed_at)
        if outcome != "not_attempted":
            _hand_in(assignment, supervision.supervisee, task["reflection"])
        review_record(
            assignment=assignment,
            recorder=supervision.supervisor,
            data={
                "outcome": outcome,
                "learned": task["reflection"] if outcome != "not_attempted" else "",
                "reason": reason,
                "next_step": next_step,
                "reason_detail": "Covering for a colleague on leave" if reason == "other" else "",
                "effort": 7 if outcome == "done" else 3,
                "difficulty": 4 if outcome == "done" else 7,
            },
            meeting=reviewed_at,
            reviewed_on=reviewed_at.date,
        )


@transaction.atomic
def seed_homework(people: dict[str, User]) -> None:
    pairs = [
        ("supervisor", "trainee1"),
        ("supervisor", "trainee2"),
        ("supervisor_in_training", "trainee2"),
    ]
    supervisions = {
        pair: Supervision.objects.get(
            supervisor=people[pair[0]],
            supervisee=people[pair[1]],
            group__isnull=True,
            ended_on__isnull=True,
        )
        for pair in pairs
    }
    if Assignment.objects.filter(supervision__in=supervisions.values()).exists():
        return
    today = timezone.localdate()
    lina = supervisions[("supervisor", "trainee1")]
    omar = supervisions[("supervisor", "trainee2")]
    omar_jonas = supervisions[("supervisor_in_training", "trainee2")]
    _history(lina, 0)
    _history(omar, 2)

    # Handed in and waiting for the supervisor's review and feedback.
    waiting = _agree(lina, TASKS[2], on=today - datetime.timedelta(days=8))
    _hand_in(waiting, lina.supervisee, TASKS[2]["reflection"])

    # Active: a worksheet due soon, and a daily log under way.
    monitoring = WorksheetTemplate.objects.filter(library_key="homework-monitoring").first()
    version = monitoring.versions.order_by("-number").first() if monitoring else None
    _agree(lina, TASKS[4], on=today, worksheet_version=version, confidence=6)
    daily = _agree(
        omar,
        TASKS[0],
        on=today - datetime.timedelta(days=3),
        schedule="daily",
        occurrences=7,
        starts_on=today - datetime.timedelta(days=2),
    )
    first = daily.expected.order_by("sequence").first()
    entry = occurrence_entry_start(occurrence=first, author=omar.supervisee)
    entry_submit(
        entry=entry,
        answers={},
        reflection="Wanted to jump in twice with the panic patient; waited once.",
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )

    # A proposal from Omar to Jonas, who lets his supervisee propose homework.
    Supervision.objects.filter(pk=omar_jonas.pk).update(supervisee_may_propose=True)
    omar_jonas.refresh_from_db()
    assignment_create(
        supervision=omar_jonas,
        author=omar_jonas.supervisee,
        data={
            "title": "Try a behavioural experiment with my own worry",
            "category": "self_work",
            "instructions": "Predict what happens if I leave a session note unfinished until the "
            "next morning, then test it.",
            "rationale": "I ask patients to test predictions; doing it myself shows what it asks.",
            "schedule": "once",
            "starts_on": today + datetime.timedelta(days=10),
            "occurrences": 1,
            "confidence": 8,
        },
    )
    # Dropped: agreed, then seen not to fit.
    dropped = _agree(omar_jonas, TASKS[3], on=today - datetime.timedelta(days=20))
    assignment_drop(assignment=dropped)
