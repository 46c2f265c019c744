"""What "My homework" says of each pathway step (pathways.presenters): the words of _step_state.html."""

import datetime

import pytest
from django.template.loader import render_to_string

from homework.models import Occurrence
from pathways.models import RunStep
from pathways.presenters import _line
from pathways.rules import Release
from pathways.selectors import StepState

OPEN_DUE = datetime.date(2026, 12, 7)


def _state(state: str, *, release=Release.AFTER_PREVIOUS, delay_days=None, **extra) -> StepState:
    step = RunStep(position=3, title="Thought records", release=release, delay_days=delay_days)
    step.occurrence = Occurrence(due_on=OPEN_DUE)
    return StepState(step, state, **extra)


@pytest.mark.parametrize(
    "state",
    [
        _state("handed_in"),
        _state("open"),
        _state("coming", opens_on=datetime.date(2026, 12, 14)),
        _state("coming", release=Release.AFTER_DELAY, delay_days=1, waits_for=2),
        _state("coming", release=Release.AFTER_DELAY, delay_days=3, waits_for=2),
        _state("coming", waits_for=2),
    ],
)
def test_a_step_reads_as_the_step_state_template_words_it(state):
    line = _line(state)
    badge = (
        f'<span class="status status--{line.badge}">{line.badge_label}</span>' if line.badge else ""
    )
    template = render_to_string("pathways/includes/_step_state.html", {"state": state})
    assert " ".join(f"{badge} {line.text}".split()) == " ".join(template.split())
    assert (line.position, line.title) == ("3", "Thought records")
