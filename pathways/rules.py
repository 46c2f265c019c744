"""The rules a pathway's steps must keep, checked in one place for the admin, the library and services.

Issue 17 ("Bad input"): a pathway without steps, a delay of 0 days or of more than a year, and
steps that wait for each other in a circle are refused with a message beside the step concerned.
"""

from dataclasses import dataclass

MAX_DELAY_DAYS = 365
MAX_DUE_DAYS = 90
NO_DELAY = (
    "A delay of 0 days is no delay: choose “when the step it waits for is handed in”, or a delay "
    "of 1 to 365 days."
)
TOO_LONG = "A delay can be at most 365 days (one year)."


class Release:
    """How a step is released (opened) to the supervisee; the values stored on steps."""

    IMMEDIATELY = "immediately"
    AFTER_PREVIOUS = "after_previous"
    AFTER_DELAY = "after_delay"
    ON_DAY = "on_day"

    CHOICES = [
        (IMMEDIATELY, "Immediately, when the pathway is assigned"),
        (AFTER_PREVIOUS, "When the step it waits for is handed in"),
        (AFTER_DELAY, "A number of days after the step it waits for is handed in"),
        (ON_DAY, "On a fixed day"),
    ]
    WAITING = (AFTER_PREVIOUS, AFTER_DELAY)


@dataclass(frozen=True)
class StepRule:
    """What the checks need of one step; ``waits_for`` is a 1-based step number or None."""

    release: str
    waits_for: int | None = None
    delay_days: int | None = None
    release_on: object = None
    due_days: int | None = 7
    kind: str = ""
    has_worksheet: bool = False
    has_reading: bool = False


@dataclass(frozen=True)
class Problem:
    """One thing wrong: ``step`` is the 0-based index (None for the pathway), ``field`` a name."""

    step: int | None
    field: str | None
    message: str


# The fields of a step (pathway's or run's) that ``step_rule`` reads.
STEP_RULE_FIELDS = (
    "kind",
    "reading",
    "lesson",
    "release",
    "waits_for",
    "delay_days",
    "release_on",
    "due_days",
)


def step_rule(step) -> StepRule:
    """The rule checked for a step of a pathway (or of a run, or a form's cleaned data)."""
    get = step.get if isinstance(step, dict) else lambda name: getattr(step, name, None)
    return StepRule(
        release=get("release") or "",
        waits_for=get("waits_for"),
        delay_days=get("delay_days"),
        release_on=get("release_on"),
        due_days=get("due_days"),
        kind=get("kind") or "",
        # The ids first: a model's step then needs no query for its worksheet or lesson.
        has_worksheet=bool(get("worksheet_id") or get("worksheet")),
        has_reading=bool(get("lesson_id") or get("lesson") or get("reading")),
    )


def waited_for(rule: StepRule, index: int) -> int | None:
    """The 0-based index of the step this one waits for (the one before, unless named)."""
    if rule.release not in Release.WAITING:
        return None
    if rule.waits_for:
        return rule.waits_for - 1
    return index - 1 if index > 0 else None


def steps_problems(rules: list[StepRule]) -> list[Problem]:
    """Every problem of these steps, in order; an empty list means the pathway may be saved."""
    if not rules:
        return [Problem(None, None, "A pathway needs at least one step.")]
    problems = []
    count = len(rules)
    for index, rule in enumerate(rules):
        number = index + 1
        if rule.release == Release.AFTER_DELAY:
            if rule.delay_days is None:
                problems.append(
                    Problem(index, "delay_days", "Say how many days to wait (1 to 365).")
                )
            elif rule.delay_days < 1:
                problems.append(Problem(index, "delay_days", NO_DELAY))
            elif rule.delay_days > MAX_DELAY_DAYS:
                problems.append(Problem(index, "delay_days", TOO_LONG))
        if rule.release == Release.ON_DAY and not rule.release_on:
            problems.append(Problem(index, "release_on", "Choose the day this step opens."))
        if rule.release in Release.WAITING:
            if rule.waits_for is not None and not 1 <= rule.waits_for <= count:
                problems.append(
                    Problem(
                        index, "waits_for", f"There is no step {rule.waits_for} (1 to {count})."
                    )
                )
            elif rule.waits_for == number:
                problems.append(Problem(index, "waits_for", "A step cannot wait for itself."))
            elif waited_for(rule, index) is None:
                problems.append(
                    Problem(
                        index,
                        "release",
                        "The first step has no step before it: release it immediately or on a "
                        "day, or name the step it waits for.",
                    )
                )
        if rule.due_days is None or not 1 <= rule.due_days <= MAX_DUE_DAYS:
            problems.append(
                Problem(index, "due_days", f"Give 1 to {MAX_DUE_DAYS} days to do this step.")
            )
        if rule.kind in ("worksheet", "questionnaire") and not rule.has_worksheet:
            problems.append(Problem(index, "worksheet", "Choose the worksheet for this step."))
        if rule.kind == "lesson" and not rule.has_reading:
            problems.append(
                Problem(
                    index, "lesson", "Choose the course lesson to read, or describe the reading."
                )
            )
    if problems:
        return problems
    return _cycles(rules)


def _cycles(rules: list[StepRule]) -> list[Problem]:
    problems, reported = [], set()
    for start in range(len(rules)):
        path, index = [], start
        while index is not None and index not in path:
            path.append(index)
            index = waited_for(rules[index], index)
        if index is None or index in reported:
            continue
        circle = path[path.index(index) :]
        reported.update(circle)
        names = " → ".join(str(step + 1) for step in [*circle, circle[0]])
        for step in circle:
            problems.append(
                Problem(
                    step,
                    "waits_for",
                    f"Steps {names} wait for each other in a circle, so none of them could ever "
                    "open. Make one of them wait for an earlier step or open on its own.",
                )
            )
    return problems


def release_order(rules: list[StepRule]) -> list[int]:
    """Indexes in an order where each step comes after the step it waits for (no cycles)."""
    placed: list[int] = []
    while len(placed) < len(rules):
        for index, rule in enumerate(rules):
            before = waited_for(rule, index)
            if index not in placed and (before is None or before in placed):
                placed.append(index)
    return placed
