"""How a pathway's steps read, worked out once per step: "My homework" and a homework's page.

Each step's state is worded here (``step_line``) and printed by
``pathways/includes/_step_state.html`` on both pages. "My homework" gets its rows here too: the
panel printed a ``{% url %}`` and a ``date`` filter for every step, most of its rendering (issue 11).
"""

from dataclasses import dataclass

from pathways.rules import Release
from pathways.selectors import Progress, StepState
from supervision.presenting import long_date, pk_url


@dataclass(frozen=True)
class StepLine:
    position: str  # the step's number, as text
    title: str
    badge: str  # the status badge's kind: "submitted" (handed in), "locked" (coming), "" (open)
    badge_label: str  # "Handed in", "Coming", or ""
    text: str  # e.g. "Due Monday 7 December", "opens when step 2 is handed in"; "" if handed in


@dataclass(frozen=True)
class PathwayRow:
    url: str  # the homework's page
    title: str  # the homework's
    handed_in: str  # how many steps are handed in, as text
    total: str  # how many steps there are, as text
    next_step: StepLine | None  # the first open step not handed in, else the first coming one
    steps: list[StepLine]


def step_line(state: StepState) -> StepLine:
    """The step's number, title, badge and words: handed in, open with its due date, or coming
    with when it opens."""
    step = state.step
    if state.state == "handed_in":
        badge, label, text = "submitted", "Handed in", ""
    elif state.state == "open":
        badge, label, text = "", "", f"Due {long_date(state.occurrence.due_on)}"
    else:
        badge, label = "locked", "Coming"
        if state.opens_on:
            text = f"opens {long_date(state.opens_on)}"
        elif step.release == Release.AFTER_DELAY:
            days = "day" if step.delay_days == 1 else "days"
            text = f"opens {step.delay_days} {days} after step {state.waits_for} is handed in"
        else:
            text = f"opens when step {state.waits_for} is handed in"
    return StepLine(str(step.position), step.title, badge, label, text)


def due_pathway_rows(progress: list[Progress]) -> list[PathwayRow]:
    """One row per pathway in progress (``progress_for_supervisee``), in the same order."""
    detail_url = pk_url("homework:assignment_detail")
    rows = []
    for each in progress:
        lines = {id(state): step_line(state) for state in each.steps}
        next_step = each.next_step
        rows.append(
            PathwayRow(
                url=detail_url(each.assignment.pk),
                title=each.assignment.title,
                handed_in=str(each.handed_in),
                total=str(each.total),
                next_step=None if next_step is None else lines[id(next_step)],
                steps=list(lines.values()),
            )
        )
    return rows
