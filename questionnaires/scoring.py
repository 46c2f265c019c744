"""The one place questionnaires are scored: pure functions over plain definitions and answers.

Nothing here touches the database, so a definition can come from a frozen worksheet version,
a bundled file or a test, and the same answers always give the same result.

Scoring rules
-------------
* An answer is an ``int`` inside the Likert range, or ``None`` (or an absent key) for a
  missing answer. Keys that are not item machine names are ignored, so the answers of a whole
  worksheet entry (instructions, free text) can be passed in as they are.
* A reverse-keyed item counts as ``minimum + maximum - value`` (on 1-6, 1 counts as 6).
* ``mean``: the mean of the answered items. Missing items are left out.
* ``sum``: the sum of the answered items, prorated when items are missing: the sum is scaled by
  ``items / answered``, which is the same as counting every missing item as the mean of the
  answered ones. Prorating keeps a scale with an allowed missing item comparable with a
  complete one and inside the same possible range.
* A scale (or total) is not scored when more items are missing than its ``max_missing``
  allows; the result then carries the reason instead of a score.
* Rounding happens once, at the end, with exact fractions: sums to a whole number, means to
  two decimals, halves rounded away from zero (2.675 becomes 2.68, 13.5 becomes 14).
* Bands are inclusive at both ends and, once validated, tile the possible range exactly on
  the scale's grid (whole numbers for sums, hundredths for means): a rounded score falls in
  exactly one band.
* A total runs over every item of the questionnaire with the same rules. Its threshold is met
  when the rounded total is at least the pass mark.

``validate_definition`` lists every problem of a definition (to refuse a publish with clear
messages); ``score_questionnaire`` assumes a valid definition. Definitions and results both
turn into plain JSON dictionaries and back, so a result can be stored with an entry at
submission and read back unchanged however the questionnaire is edited later.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

SUM = "sum"
MEAN = "mean"
METHODS = (SUM, MEAN)

BY_SCALE = "by_scale"
MIXED = "mixed"
PRESENTATIONS = (BY_SCALE, MIXED)

# The grid a rounded score lives on, and so the grid band bounds must use.
DECIMAL_PLACES = {SUM: 0, MEAN: 2}
RESOLUTION = {SUM: Decimal(1), MEAN: Decimal("0.01")}

DEFINITION_FORMAT = 1
RESULT_FORMAT = 1

# Machine names become JSON keys of stored answers and must survive label edits unchanged.
MACHINE_NAME = re.compile(r"^[a-z][a-z0-9_]{0,62}$")
SLUG = re.compile(r"^[a-z0-9][a-z0-9_-]{0,99}$")


class DefinitionError(ValueError):
    """A definition that cannot be read or used; ``problems`` says why."""

    def __init__(self, problems: Iterable[Problem | str]):
        self.problems = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


class AnswerError(ValueError):
    """Answers that cannot be scored (not whole numbers, or outside the Likert range)."""

    def __init__(self, problems: Mapping[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(f"{name}: {text}" for name, text in self.problems.items()))


def _decimal(value: Any) -> Decimal:
    if isinstance(value, bool):
        raise TypeError("a band bound or pass mark must be a number, not true or false")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return number


def _number(value: Decimal) -> int | float:
    """A JSON number for a rounded score or bound (two decimals at most, so float is exact)."""
    integral = value.to_integral_value()
    return int(integral) if value == integral else float(value)


def _format(value: Decimal) -> str:
    return str(_number(value))


# --- Definitions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Anchor:
    """A labelled point of the Likert range, e.g. 1 = "Never true of me"."""

    value: int
    label: str


@dataclass(frozen=True)
class LikertRange:
    minimum: int
    maximum: int
    anchors: tuple[Anchor, ...] = ()

    def __post_init__(self):
        object.__setattr__(self, "anchors", tuple(self.anchors))

    def reverse(self, value: int) -> int:
        return self.minimum + self.maximum - value

    def label_for(self, value: int) -> str:
        return next((anchor.label for anchor in self.anchors if anchor.value == value), "")

    @property
    def points(self) -> range:
        return range(self.minimum, self.maximum + 1)


@dataclass(frozen=True)
class Band:
    """A stretch of scores (inclusive at both ends) with its interpretation for reflection."""

    label: str
    minimum: Decimal
    maximum: Decimal
    interpretation: str

    def __post_init__(self):
        object.__setattr__(self, "minimum", _decimal(self.minimum))
        object.__setattr__(self, "maximum", _decimal(self.maximum))

    def contains(self, score: Decimal) -> bool:
        return self.minimum <= score <= self.maximum

    def describe(self) -> str:
        return f"'{self.label}' ({_format(self.minimum)} to {_format(self.maximum)})"


@dataclass(frozen=True)
class Scale:
    name: str
    title: str
    description: str = ""
    method: str = MEAN
    max_missing: int = 0
    bands: tuple[Band, ...] = ()
    reflection_prompt: str = ""
    # Scales that belong together on the profile (e.g. "my patient", "myself", "homework").
    group: str = ""

    def __post_init__(self):
        object.__setattr__(self, "bands", tuple(self.bands))


@dataclass(frozen=True)
class Item:
    machine_name: str
    text: str
    scale: str
    reverse_keyed: bool = False
    help_text: str = ""


@dataclass(frozen=True)
class Total:
    """A score over every item of the questionnaire, with an optional pass mark."""

    title: str
    method: str = SUM
    max_missing: int = 0
    bands: tuple[Band, ...] = ()
    pass_mark: Decimal | None = None

    def __post_init__(self):
        object.__setattr__(self, "bands", tuple(self.bands))
        if self.pass_mark is not None:
            object.__setattr__(self, "pass_mark", _decimal(self.pass_mark))


@dataclass(frozen=True)
class Questionnaire:
    slug: str
    title: str
    likert: LikertRange
    scales: tuple[Scale, ...]
    items: tuple[Item, ...]
    instructions: str = ""
    # Shown with the questionnaire and its results, e.g. "a reflective tool, not a test".
    notice: str = ""
    presentation: str = MIXED
    # A rating of a subject (e.g. a trainee's recorded session) by a rater, not a self-report.
    rated_by_someone_else: bool = False
    total: Total | None = None

    def __post_init__(self):
        object.__setattr__(self, "scales", tuple(self.scales))
        object.__setattr__(self, "items", tuple(self.items))

    def scale(self, name: str) -> Scale:
        for scale in self.scales:
            if scale.name == name:
                return scale
        raise KeyError(name)

    def items_of(self, scale_name: str) -> tuple[Item, ...]:
        return tuple(item for item in self.items if item.scale == scale_name)

    def items_in_order(self) -> tuple[Item, ...]:
        """Items in the order a respondent sees them: scale by scale, or mixed as listed."""
        if self.presentation != BY_SCALE:
            return self.items
        position = {scale.name: index for index, scale in enumerate(self.scales)}
        return tuple(sorted(self.items, key=lambda item: position.get(item.scale, len(position))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": DEFINITION_FORMAT,
            "slug": self.slug,
            "title": self.title,
            "instructions": self.instructions,
            "notice": self.notice,
            "presentation": self.presentation,
            "rated_by_someone_else": self.rated_by_someone_else,
            "likert": {
                "minimum": self.likert.minimum,
                "maximum": self.likert.maximum,
                "anchors": [
                    {"value": anchor.value, "label": anchor.label} for anchor in self.likert.anchors
                ],
            },
            "scales": [
                {
                    "name": scale.name,
                    "title": scale.title,
                    "description": scale.description,
                    "method": scale.method,
                    "max_missing": scale.max_missing,
                    "bands": [_band_to_dict(band) for band in scale.bands],
                    "reflection_prompt": scale.reflection_prompt,
                    "group": scale.group,
                }
                for scale in self.scales
            ],
            "items": [
                {
                    "machine_name": item.machine_name,
                    "text": item.text,
                    "scale": item.scale,
                    "reverse_keyed": item.reverse_keyed,
                    "help_text": item.help_text,
                }
                for item in self.items
            ],
            "total": None
            if self.total is None
            else {
                "title": self.total.title,
                "method": self.total.method,
                "max_missing": self.total.max_missing,
                "bands": [_band_to_dict(band) for band in self.total.bands],
                "pass_mark": None
                if self.total.pass_mark is None
                else _number(self.total.pass_mark),
            },
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Questionnaire:
        """Read a definition stored by ``to_dict``; a malformed one raises DefinitionError."""
        try:
            if data.get("format") != DEFINITION_FORMAT:
                raise DefinitionError([f"Unknown definition format {data.get('format')!r}."])
            likert = data["likert"]
            total = data.get("total")
            return cls(
                slug=str(data["slug"]),
                title=str(data["title"]),
                instructions=str(data.get("instructions", "")),
                notice=str(data.get("notice", "")),
                presentation=str(data.get("presentation", MIXED)),
                rated_by_someone_else=bool(data.get("rated_by_someone_else", False)),
                likert=LikertRange(
                    minimum=_whole(likert["minimum"]),
                    maximum=_whole(likert["maximum"]),
                    anchors=tuple(
                        Anchor(value=_whole(anchor["value"]), label=str(anchor["label"]))
                        for anchor in likert.get("anchors", ())
                    ),
                ),
                scales=tuple(
                    Scale(
                        name=str(scale["name"]),
                        title=str(scale["title"]),
                        description=str(scale.get("description", "")),
                        method=str(scale.get("method", MEAN)),
                        max_missing=_whole(scale.get("max_missing", 0)),
                        bands=tuple(_band_from_dict(band) for band in scale.get("bands", ())),
                        reflection_prompt=str(scale.get("reflection_prompt", "")),
                        group=str(scale.get("group", "")),
                    )
                    for scale in data["scales"]
                ),
                items=tuple(
                    Item(
                        machine_name=str(item["machine_name"]),
                        text=str(item["text"]),
                        scale=str(item["scale"]),
                        reverse_keyed=bool(item.get("reverse_keyed", False)),
                        help_text=str(item.get("help_text", "")),
                    )
                    for item in data["items"]
                ),
                total=None
                if total is None
                else Total(
                    title=str(total["title"]),
                    method=str(total.get("method", SUM)),
                    max_missing=_whole(total.get("max_missing", 0)),
                    bands=tuple(_band_from_dict(band) for band in total.get("bands", ())),
                    pass_mark=total.get("pass_mark"),
                ),
            )
        except DefinitionError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as error:
            raise DefinitionError([f"The stored definition is malformed ({error!r})."]) from error


def _whole(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {value!r}")
    return value


def _band_to_dict(band: Band) -> dict[str, Any]:
    return {
        "label": band.label,
        "minimum": _number(band.minimum),
        "maximum": _number(band.maximum),
        "interpretation": band.interpretation,
    }


def _band_from_dict(data: Mapping[str, Any]) -> Band:
    return Band(
        label=str(data["label"]),
        minimum=data["minimum"],
        maximum=data["maximum"],
        interpretation=str(data.get("interpretation", "")),
    )


def possible_range(method: str, item_count: int, likert: LikertRange) -> tuple[Decimal, Decimal]:
    """The lowest and highest score a scale of ``item_count`` items can reach."""
    if method == SUM:
        return Decimal(item_count * likert.minimum), Decimal(item_count * likert.maximum)
    return Decimal(likert.minimum), Decimal(likert.maximum)


# --- Validation -------------------------------------------------------------------------


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
                f"{where}: the band '{band.label}' starts at {_format(band.minimum)}, "
                f"above its end at {_format(band.maximum)}.",
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
            f"{where}: scores from {_format(low)} to {_format(ordered[0].minimum - step)} "
            f"fall in no band; the lowest band should start at {_format(low)}.",
        )
    elif ordered[0].minimum < low:
        add(
            part,
            key,
            f"{where}: the band {ordered[0].describe()} starts below the lowest possible "
            f"score, {_format(low)}.",
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
                f"a score of {_format(after.minimum)} would fall in both.",
            )
        elif after.minimum > reach.maximum + step:
            add(
                part,
                key,
                f"{where}: there is a gap between the bands {reach.describe()} and "
                f"{after.describe()}; scores from {_format(reach.maximum + step)} to "
                f"{_format(after.minimum - step)} fall in no band.",
            )
        if after.maximum > reach.maximum:
            reach = after
    top = reach.maximum
    if top < high:
        add(
            part,
            key,
            f"{where}: scores from {_format(top + step)} to {_format(high)} fall in no band; "
            f"the highest band should end at {_format(high)}.",
        )
    elif top > high:
        add(
            part,
            key,
            f"{where}: a band ends at {_format(top)}, above the highest possible score, "
            f"{_format(high)}.",
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
                f"{where}: the pass mark {_format(total.pass_mark)} is outside the possible "
                f"scores, {_format(low)} to {_format(high)}.",
            )
        elif total.pass_mark % RESOLUTION[total.method]:
            add(
                "total",
                "",
                f"{where}: the pass mark {_format(total.pass_mark)} is finer than the "
                f"{total.method} score is rounded to.",
            )


def check_definition(questionnaire: Questionnaire) -> Questionnaire:
    """The definition itself when it is valid; otherwise DefinitionError with every problem."""
    problems = validate_definition(questionnaire)
    if problems:
        raise DefinitionError(problems)
    return questionnaire


# --- Scoring ----------------------------------------------------------------------------


@dataclass(frozen=True)
class ScoreResult:
    """The score of one scale (or of the total) in one administration, with its reading."""

    name: str
    title: str
    method: str
    score: Decimal | None
    item_count: int
    answered: int
    max_missing: int
    lowest_possible: Decimal
    highest_possible: Decimal
    band: Band | None
    bands: tuple[Band, ...]
    # Why there is no score; empty when scored.
    reason: str = ""
    description: str = ""
    reflection_prompt: str = ""
    group: str = ""
    pass_mark: Decimal | None = None

    @property
    def scored(self) -> bool:
        return self.score is not None

    @property
    def missing(self) -> int:
        return self.item_count - self.answered

    @property
    def threshold_met(self) -> bool | None:
        """True or False against the pass mark; None when there is no pass mark or no score."""
        if self.pass_mark is None or self.score is None:
            return None
        return self.score >= self.pass_mark

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "method": self.method,
            "scored": self.scored,
            "score": None if self.score is None else _number(self.score),
            "reason": self.reason,
            "item_count": self.item_count,
            "answered": self.answered,
            "missing": self.missing,
            "max_missing": self.max_missing,
            "lowest_possible": _number(self.lowest_possible),
            "highest_possible": _number(self.highest_possible),
            "band": None if self.band is None else _band_to_dict(self.band),
            "bands": [_band_to_dict(band) for band in self.bands],
            "description": self.description,
            "reflection_prompt": self.reflection_prompt,
            "group": self.group,
            "pass_mark": None if self.pass_mark is None else _number(self.pass_mark),
            "threshold_met": self.threshold_met,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoreResult:
        return cls(
            name=data["name"],
            title=data["title"],
            method=data["method"],
            score=None if data["score"] is None else _decimal(data["score"]),
            item_count=data["item_count"],
            answered=data["answered"],
            max_missing=data["max_missing"],
            lowest_possible=_decimal(data["lowest_possible"]),
            highest_possible=_decimal(data["highest_possible"]),
            band=None if data["band"] is None else _band_from_dict(data["band"]),
            bands=tuple(_band_from_dict(band) for band in data["bands"]),
            reason=data.get("reason", ""),
            description=data.get("description", ""),
            reflection_prompt=data.get("reflection_prompt", ""),
            group=data.get("group", ""),
            pass_mark=None if data.get("pass_mark") is None else _decimal(data["pass_mark"]),
        )


@dataclass(frozen=True)
class QuestionnaireResult:
    """Everything one administration scored to, self-contained so it can be stored as JSON."""

    questionnaire: str
    title: str
    scales: tuple[ScoreResult, ...]
    total: ScoreResult | None = None
    rated_by_someone_else: bool = False

    def scale(self, name: str) -> ScoreResult:
        for result in self.scales:
            if result.name == name:
                return result
        raise KeyError(name)

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": RESULT_FORMAT,
            "questionnaire": self.questionnaire,
            "title": self.title,
            "rated_by_someone_else": self.rated_by_someone_else,
            "scales": [result.to_dict() for result in self.scales],
            "total": None if self.total is None else self.total.to_dict(),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> QuestionnaireResult:
        if data.get("format") != RESULT_FORMAT:
            raise ValueError(f"Unknown result format {data.get('format')!r}.")
        return cls(
            questionnaire=data["questionnaire"],
            title=data["title"],
            rated_by_someone_else=data.get("rated_by_someone_else", False),
            scales=tuple(ScoreResult.from_dict(result) for result in data["scales"]),
            total=None if data.get("total") is None else ScoreResult.from_dict(data["total"]),
        )


def keyed_answers(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> dict[str, int | None]:
    """Each item's answer after reverse keying (None when missing); bad answers raise AnswerError."""
    likert = questionnaire.likert
    keyed: dict[str, int | None] = {}
    problems: dict[str, str] = {}
    for item in questionnaire.items:
        value = answers.get(item.machine_name)
        if value is None:
            keyed[item.machine_name] = None
        elif isinstance(value, bool) or not isinstance(value, int):
            problems[item.machine_name] = f"the answer {value!r} is not a whole number"
        elif not likert.minimum <= value <= likert.maximum:
            problems[item.machine_name] = (
                f"the answer {value} is outside the range {likert.minimum} to {likert.maximum}"
            )
        else:
            keyed[item.machine_name] = likert.reverse(value) if item.reverse_keyed else value
    if problems:
        raise AnswerError(problems)
    return keyed


def round_score(value: Fraction, places: int) -> Decimal:
    """Round exactly to ``places`` decimals, halves away from zero."""
    scaled = value * 10**places
    whole, remainder = divmod(abs(scaled.numerator), scaled.denominator)
    if 2 * remainder >= scaled.denominator:
        whole += 1
    if scaled.numerator < 0:
        whole = -whole
    return Decimal(whole).scaleb(-places)


def combine(method: str, values: list[int], item_count: int) -> Decimal:
    """The rounded score of ``values`` (the answered, keyed items of ``item_count`` items)."""
    answered = len(values)
    if method == MEAN:
        raw = Fraction(sum(values), answered)
    else:
        raw = Fraction(sum(values) * item_count, answered)
    return round_score(raw, DECIMAL_PLACES[method])


def _score(
    *,
    name: str,
    title: str,
    method: str,
    max_missing: int,
    bands: tuple[Band, ...],
    values: list[int | None],
    likert: LikertRange,
    description: str = "",
    reflection_prompt: str = "",
    group: str = "",
    pass_mark: Decimal | None = None,
) -> ScoreResult:
    answered = [value for value in values if value is not None]
    item_count = len(values)
    missing = item_count - len(answered)
    low, high = possible_range(method, item_count, likert)
    score: Decimal | None = None
    reason = ""
    if not answered:
        reason = "Not scored: none of its items were answered."
    elif missing > max_missing:
        allowed = "no item" if max_missing == 0 else f"at most {max_missing}"
        reason = (
            f"Not scored: {missing} of its {item_count} items "
            f"{'was' if missing == 1 else 'were'} left unanswered, "
            f"and {allowed} may be missing."
        )
    else:
        score = combine(method, answered, item_count)
    band = None
    if score is not None:
        band = next((band for band in bands if band.contains(score)), None)
    return ScoreResult(
        name=name,
        title=title,
        method=method,
        score=score,
        item_count=item_count,
        answered=len(answered),
        max_missing=max_missing,
        lowest_possible=low,
        highest_possible=high,
        band=band,
        bands=bands,
        reason=reason,
        description=description,
        reflection_prompt=reflection_prompt,
        group=group,
        pass_mark=pass_mark,
    )


def score_questionnaire(
    questionnaire: Questionnaire, answers: Mapping[str, Any]
) -> QuestionnaireResult:
    """Score every scale (and the total) of one administration of a valid definition."""
    keyed = keyed_answers(questionnaire, answers)
    by_scale: dict[str, list[int | None]] = {scale.name: [] for scale in questionnaire.scales}
    for item in questionnaire.items:
        by_scale[item.scale].append(keyed[item.machine_name])
    scales = tuple(
        _score(
            name=scale.name,
            title=scale.title,
            method=scale.method,
            max_missing=scale.max_missing,
            bands=scale.bands,
            values=by_scale[scale.name],
            likert=questionnaire.likert,
            description=scale.description,
            reflection_prompt=scale.reflection_prompt,
            group=scale.group,
        )
        for scale in questionnaire.scales
    )
    total = None
    if questionnaire.total is not None:
        rule = questionnaire.total
        total = _score(
            name="total",
            title=rule.title,
            method=rule.method,
            max_missing=rule.max_missing,
            bands=rule.bands,
            values=[keyed[item.machine_name] for item in questionnaire.items],
            likert=questionnaire.likert,
            pass_mark=rule.pass_mark,
        )
    return QuestionnaireResult(
        questionnaire=questionnaire.slug,
        title=questionnaire.title,
        scales=scales,
        total=total,
        rated_by_someone_else=questionnaire.rated_by_someone_else,
    )
