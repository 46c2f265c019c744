"""Reactions to worksheet events: a step handed in may open the steps that wait for it.

Connected in ``PathwaysConfig.ready()`` (listed in worksheets/signals.py). A recording-analysis
step handed in without its recording is refused (the hand-in rolls back). The release is queued
for the background worker after the commit: a rolled-back hand-in opens nothing.
"""

from django.db import transaction

from homework.models import Assignment
from homework.services.entries import occurrence_of
from pathways import tasks
from pathways.services import recording_step_check, runs_waiting_on


def entry_submitted(sender, entry, **kwargs):
    occurrence = occurrence_of(entry)
    if occurrence is None or occurrence.assignment.schedule != Assignment.Schedule.STEPS:
        # Only a homework in steps has a run (pathways.services.pathway_assign makes them so):
        # no question for the rest, whose occurrence and assignment homework has read already.
        return
    recording_step_check(entry=entry)
    run_ids = runs_waiting_on(entry)
    if run_ids:
        transaction.on_commit(lambda: tasks.pathway_releases.enqueue(run_ids=run_ids), robust=True)


def pathway_curators_after_migrate(sender, **kwargs):
    from pathways.library import pathway_curators_ensure

    pathway_curators_ensure()
