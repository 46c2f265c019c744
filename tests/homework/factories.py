"""Homework made through the services, so permissions and notifications come with it."""

import datetime

from django.utils import timezone

from homework.services.assignments import ObstaclePlan, assignment_create


def assignment_data(**overrides) -> dict:
    data = {
        "title": "Notice my urge to rescue",
        "category": "self_work",
        "instructions": "After each session with R., write down the moment I wanted to step in.",
        "rationale": "R. does more when I hold back; noticing the urge is the first step.",
        "when": "Straight after the session",
        "where": "At my desk",
        "how_often": "After each session",
        "how_long": "Five minutes",
        "schedule": "once",
        "starts_on": timezone.localdate() + datetime.timedelta(days=7),
        "occurrences": 1,
        "confidence": 8,
        "reading": "",
    }
    data.update(overrides)
    return data


def make_assignment(supervision, author=None, obstacles=(), **overrides):
    return assignment_create(
        supervision=supervision,
        author=author or supervision.supervisor,
        data=assignment_data(**overrides),
        obstacles=[ObstaclePlan(*pair) for pair in obstacles],
    )
