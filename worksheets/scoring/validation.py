"""Checking a questionnaire definition before it is published: every problem, each with its place.

A definition that passes can be scored without ambiguity: every item belongs to a scale, every
scale has items, and each scale's bands tile its possible range on the grid its scores are
rounded to (see the rules in ``worksheets.scoring``).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from worksheets.scoring.definitions import (
    MACHINE_NAME,
    METHODS,
    PRESENTATIONS,
    RESOLUTION,
    SLUG,
    SUM,
    Band,
    DefinitionError,
    LikertRange,
    Questionnaire,
    Total,
    format_number,
    possible_range,
)


@dataclass(frozen=True)
class Problem:
    """One reason a definition cannot be published, pointing at the part that needs fixing.

    ``part`` is "questionnaire", "likert", "scale", "item" or "total"; ``key`` is the machine
    name of the scale or item concerned (empty otherwise), so an editor can show the message
    next to the right block.
    """

    part: str
    key: str
    message: str

    def __str__(self) -> str:
        return self.message


def validate_definition(questionnaire: Questionnaire) -> list[Problem]:
    """Every problem that would make the questionnaire unusable or its scores ambiguous."""
    problems: list[Problem] = []

    def add(part: str, key: str, message: str) -> None:
        problems.append(Problem(part, key, message))

    if not questionnaire.title.strip():
        add("questionnaire", "", "The questionnaire needs a title.")
    if not SLUG.match(questionnaire.slug):
        add(
            "questionnaire",
            "",
            f"The questionnaire's short name '{questionnaire.slug}' may only use lower-case "
            "letters, digits, hyphens and underscores.",
        )
    if questionnaire.presentation not in PRESENTATIONS:
        add(
            "questionnaire",
            "",
            f"Items are shown either scale by scale or mixed, not '{questionnaire.presentation}'.",
        )

    likert = questionnaire.likert
    likert_valid = _validate_likert(likert, add)

    if not questionnaire.scales:
        add("questionnaire", "", "The questionnaire has no scales; add at least one.")
    if not questionnaire.items:
        add("questionnaire", "", "The questionnaire has no items; add at least one.")

    scale_names: set[str] = set()
    for scale in questionnaire.scales:
        if scale.name in scale_names:
            add("scale", scale.name, f"Two scales share the machine name '{scale.name}'.")
        scale_names.add(scale.name)

    item_names: set[str] = set()
    for position, item in enumerate(questionnaire.items, start=1):
        label = f"Item {position} ('{item.machine_name}')"
        if not MACHINE_NAME.match(item.machine_name):
            add(
                "item",
                item.machine_name,
                f"{label}: a machine name starts with a lower-case letter and uses only "
                "lower-case letters, digits and underscores (at most 63 characters).",
            )
        if item.machine_name in item_names:
            add(
                "item",
                item.machine_name,
                f"{label}: another item already uses the machine name '{item.machine_name}'.",
            )
        item_names.add(item.machine_name)
        if not item.text.strip():
            add("item", item.machine_name, f"{label} has no text.")
        if item.scale not in scale_names:
            add(
                "item",
                item.machine_name,
                f"{label} belongs to the scale '{item.scale}', which does not exist.",
            )

    counts = dict.fromkeys(scale_names, 0)
    for item in questionnaire.items:
        if item.scale in counts:
            counts[item.scale] += 1

    for scale in questionnaire.scales:
        where = f"Scale '{scale.title or scale.name}'"
        if not MACHINE_NAME.match(scale.name):
            add(
                "scale",
                scale.name,
                f"{where}: the machine name '{scale.name}' must start with a lower-case letter "
                "and use only lower-case letters, digits and underscores.",
            )
        if not scale.title.strip():
            add("scale", scale.name, f"Scale '{scale.name}' needs a title.")
        item_count = counts.get(scale.name, 0)
        if item_count == 0:
            add("scale", scale.name, f"{where} has no items; every scale needs at least one.")
        method_valid = _validate_method(scale.method, where, "scale", scale.name, add)
        _validate_max_missing(scale.max_missing, item_count, where, "scale", scale.name, add)
        if not scale.bands:
            add("scale", scale.name, f"{where} has no bands; add at least one.")
        elif likert_valid and method_valid and item_count:
            low, high = possible_range(scale.method, item_count, likert)
            _validate_bands(scale.bands, scale.method, low, high, where, "scale", scale.name, add)

    if questionnaire.total is not None:
        _validate_total(questionnaire.total, len(questionnaire.items), likert, likert_valid, add)
    return problems


def _validate_likert(likert: LikertRange, add) -> bool:
    if likert.minimum >= likert.maximum:
        add(
            "likert",
            "",
            f"The rating range must go from a lower to a higher number "
            f"(it is {likert.minimum} to {likert.maximum}).",
        )
        return False
    seen: set[int] = set()
    for anchor in likert.anchors:
        if not likert.minimum <= anchor.value <= likert.maximum:
            add(
                "likert",
                "",
                f"The anchor '{anchor.label}' is at {anchor.value}, outside the range "
                f"{likert.minimum} to {likert.maximum}.",
            )
        if anchor.value in seen:
            add("likert", "", f"Two anchors are labelled at the point {anchor.value}.")
        seen.add(anchor.value)
        if not anchor.label.strip():
            add("likert", "", f"The anchor at {anchor.value} has no label.")
    if likert.minimum not in seen or likert.maximum not in seen:
        add(
            "likert",
            "",
            f"Label at least the lowest point ({likert.minimum}) and the highest point "
            f"({likert.maximum}) so respondents know what they mean.",
        )
    return True


def _validate_method(method: str, where: str, part: str, key: str, add) -> bool:
    if method in METHODS:
        return True
    add(part, key, f"{where}: the scoring method must be 'sum' or 'mean', not '{method}'.")
    return False


def _validate_max_missing(
    max_missing: int, item_count: int, where: str, part: str, key: str, add
) -> None:
    if max_missing < 0:
        add(part, key, f"{where}: the number of items allowed missing cannot be negative.")
    elif item_count and max_missing >= item_count:
        add(
            part,
            key,
            f"{where} allows {max_missing} missing items but has only {item_count}; "
            "at least one item must be answered for a score.",
        )


def _validate_bands(
    bands: tuple[Band, ...],
    method: str,
    low: Decimal,
    high: Decimal,
    where: str,
    part: str,
    key: str,
    add,
) -> None:
    step = RESOLUTION[method]
    grid = "whole numbers" if method == SUM else "numbers with at most two decimals"
    labels: set[str] = set()
    usable: list[Band] = []
    for band in bands:
        if not band.label.strip():
            add(part, key, f"{where}: a band has no label.")
        elif band.label in labels:
            add(part, key, f"{where}: two bands are called '{band.label}'.")
        labels.add(band.label)
        if not band.interpretation.strip():
            add(part, key, f"{where}: the band '{band.label}' has no interpretation text.")
        if band.minimum % step or band.maximum % step:
            add(
                part,
                key,
                f"{where}: the band {band.describe()} must use {grid}, "
                f"because {method} scores are rounded to them.",
            )
        elif band.minimum > band.maximum:
            add(
                part,
                key,
                f"{where}: the band '{band.label}' starts at {format_number(band.minimum)}, "
                f"above its end at {format_number(band.maximum)}.",
            )
        else:
            usable.append(band)
    if not usable or len(usable) < len(bands):
        # Coverage is judged once every band's own bounds make sense; before that the
        # gap and overlap messages would only echo the band already reported.
        return
    ordered = sorted(usable, key=lambda band: (band.minimum, band.maximum))
    if ordered[0].minimum > low:
        add(
            part,
            key,
            f"{where}: scores from {format_number(low)} to {format_number(ordered[0].minimum - step)} "
            f"fall in no band; the lowest band should start at {format_number(low)}.",
        )
    elif ordered[0].minimum < low:
        add(
            part,
            key,
            f"{where}: the band {ordered[0].describe()} starts below the lowest possible "
            f"score, {format_number(low)}.",
        )
    # Compare each band with the furthest reach so far, so a band nested inside a wide one
    # is caught as an overlap too.
    reach = ordered[0]
    for after in ordered[1:]:
        if after.minimum <= reach.maximum:
            add(
                part,
                key,
                f"{where}: the bands {reach.describe()} and {after.describe()} overlap; "
                f"a score of {format_number(after.minimum)} would fall in both.",
            )
        elif after.minimum > reach.maximum + step:
            add(
                part,
                key,
                f"{where}: there is a gap between the bands {reach.describe()} and "
                f"{after.describe()}; scores from {format_number(reach.maximum + step)} to "
                f"{format_number(after.minimum - step)} fall in no band.",
            )
        if after.maximum > reach.maximum:
            reach = after
    top = reach.maximum
    if top < high:
        add(
            part,
            key,
            f"{where}: scores from {format_number(top + step)} to {format_number(high)} fall in no band; "
            f"the highest band should end at {format_number(high)}.",
        )
    elif top > high:
        add(
            part,
            key,
            f"{where}: a band ends at {format_number(top)}, above the highest possible score, "
            f"{format_number(high)}.",
        )


def _validate_total(total: Total, item_count: int, likert: LikertRange, likert_valid, add):
    where = f"The total '{total.title or 'total'}'"
    if not total.title.strip():
        add("total", "", "The total needs a title.")
    method_valid = _validate_method(total.method, where, "total", "", add)
    _validate_max_missing(total.max_missing, item_count, where, "total", "", add)
    if not (likert_valid and method_valid and item_count):
        return
    low, high = possible_range(total.method, item_count, likert)
    if total.bands:
        _validate_bands(total.bands, total.method, low, high, where, "total", "", add)
    if total.pass_mark is not None:
        if not low <= total.pass_mark <= high:
            add(
                "total",
                "",
                f"{where}: the pass mark {format_number(total.pass_mark)} is outside the possible "
                f"scores, {format_number(low)} to {format_number(high)}.",
            )
        elif total.pass_mark % RESOLUTION[total.method]:
            add(
                "total",
                "",
                f"{where}: the pass mark {format_number(total.pass_mark)} is finer than the "
                f"{total.method} score is rounded to.",
            )


def check_definition(questionnaire: Questionnaire) -> Questionnaire:
    """The definition itself when it is valid; otherwise DefinitionError with every problem."""
    problems = validate_definition(questionnaire)
    if problems:
        raise DefinitionError(problems)
    return questionnaire
