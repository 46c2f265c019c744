"""How each pathway step reads (pathways.presenters.step_line), as _step_state.html prints it on both pages."""

import datetime

import pytest
from django.template.loader import render_to_string

from homework.models import Occurrence
from pathways.models import RunStep
from pathways.presenters import step_line
from pathways.rules import Release
from pathways.selectors import StepState

OPEN_DUE = datetime.date(2026, 12, 7)


def _state(state: str, *, release=Release.AFTER_PREVIOUS, delay_days=None, **extra) -> StepState:
    step = RunStep(position=3, title="Thought records", release=release, delay_days=delay_days)
    step.occurrence = Occurrence(due_on=OPEN_DUE)
    return StepState(step, state, **extra)


# What each state reads as: the words the step-state template gave before it printed step_line's.
@pytest.mark.parametrize(
    ("state", "printed"),
    [
        (_state("handed_in"), '<span class="status status--submitted">Handed in</span>'),
        (_state("open"), "Due Monday 7 December"),
        (
            _state("coming", opens_on=datetime.date(2026, 12, 14)),
            '<span class="status status--locked">Coming</span> opens Monday 14 December',
        ),
        (
            _state("coming", release=Release.AFTER_DELAY, delay_days=1, waits_for=2),
            '<span class="status status--locked">Coming</span>'
            " opens 1 day after step 2 is handed in",
        ),
        (
            _state("coming", release=Release.AFTER_DELAY, delay_days=3, waits_for=2),
            '<span class="status status--locked">Coming</span>'
            " opens 3 days after step 2 is handed in",
        ),
        (
            _state("coming", waits_for=2),
            '<span class="status status--locked">Coming</span> opens when step 2 is handed in',
        ),
    ],
)
def test_a_step_reads_as_the_step_state_template_prints_it(state, printed):
    line = step_line(state)
    template = render_to_string("pathways/includes/_step_state.html", {"line": line})
    assert " ".join(template.split()) == printed
    assert (line.position, line.title) == ("3", "Thought records")
