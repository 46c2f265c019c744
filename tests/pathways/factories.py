"""Pathways for tests: steps written as dicts, saved through the models like the admin does."""

import uuid

from django.utils import timezone

from homework.services.entries import occurrence_entry_start
from pathways.models import Pathway, PathwayStep
from pathways.rules import Release
from worksheets.services.entries import entry_submit

REFLECT = {"kind": "reflection", "due_days": 7}


def step(title: str, release: str = Release.AFTER_PREVIOUS, **fields) -> dict:
    return {**REFLECT, "title": title, "release": release, **fields}


def make_pathway(steps: list[dict] | None = None, *, owner=None, title="Three small steps"):
    """A pathway; by default: one step now, one after it, one three days after that."""
    if steps is None:
        steps = [
            step("Why I am doing this", Release.IMMEDIATELY),
            step("A first try"),
            step("Looking back", Release.AFTER_DELAY, delay_days=3),
        ]
    pathway = Pathway.objects.create(
        title=title, introduction="Small steps, one after another.", owner=owner
    )
    for order, fields in enumerate(steps):
        PathwayStep.objects.create(pathway=pathway, sort_order=order, **fields)
    return pathway


def hand_in(occurrence, author, text="Done, and here is what I noticed."):
    """Start and submit the entry of a released step (a free reflection)."""
    entry = occurrence_entry_start(occurrence=occurrence, author=author)
    return entry_submit(
        entry=entry,
        answers={},
        reflection=text,
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )


def local_today(person):
    return timezone.localtime(timezone.now(), person.zone).date()
