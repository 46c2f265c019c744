"""Questionnaire definitions: a rating range, scales with bands, items, an optional total.

Frozen dataclasses with a JSON round trip (``Questionnaire.to_dict`` / ``from_dict``), so a
published worksheet version stores its definition and every administration of that version is
scored by exactly what was published. The scoring rules are in the package docstring
(``worksheets.scoring``); validation is in ``validation`` and scoring in ``results``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
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
    """A definition that cannot be read or used; ``problems`` says why.

    ``problems`` are ``validation.Problem`` objects (from ``check_definition``) or plain messages
    (from ``Questionnaire.from_dict``); ``str()`` of each is its message.
    """

    def __init__(self, problems: Iterable[object]):
        self.problems = tuple(problems)
        super().__init__("; ".join(str(problem) for problem in self.problems))


def as_decimal(value: Any) -> Decimal:
    """A band bound, pass mark or stored score as an exact Decimal; refuses booleans and NaN."""
    if isinstance(value, bool):
        raise TypeError("a band bound or pass mark must be a number, not true or false")
    number = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
    if not number.is_finite():
        raise ValueError(f"{value!r} is not a finite number")
    return number


def json_number(value: Decimal) -> int | float:
    """A JSON number for a rounded score or bound (two decimals at most, so float is exact)."""
    integral = value.to_integral_value()
    return int(integral) if value == integral else float(value)


def format_number(value: Decimal) -> str:
    """A bound or score as messages write it: 4, 2.49."""
    return str(json_number(value))


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
        object.__setattr__(self, "minimum", as_decimal(self.minimum))
        object.__setattr__(self, "maximum", as_decimal(self.maximum))

    def contains(self, score: Decimal) -> bool:
        return self.minimum <= score <= self.maximum

    def describe(self) -> str:
        return f"'{self.label}' ({format_number(self.minimum)} to {format_number(self.maximum)})"


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
            object.__setattr__(self, "pass_mark", as_decimal(self.pass_mark))


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
                    "bands": [band_to_dict(band) for band in scale.bands],
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
                "bands": [band_to_dict(band) for band in self.total.bands],
                "pass_mark": None
                if self.total.pass_mark is None
                else json_number(self.total.pass_mark),
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
                    minimum=whole(likert["minimum"]),
                    maximum=whole(likert["maximum"]),
                    anchors=tuple(
                        Anchor(value=whole(anchor["value"]), label=str(anchor["label"]))
                        for anchor in likert.get("anchors", ())
                    ),
                ),
                scales=tuple(
                    Scale(
                        name=str(scale["name"]),
                        title=str(scale["title"]),
                        description=str(scale.get("description", "")),
                        method=str(scale.get("method", MEAN)),
                        max_missing=whole(scale.get("max_missing", 0)),
                        bands=tuple(band_from_dict(band) for band in scale.get("bands", ())),
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
                    max_missing=whole(total.get("max_missing", 0)),
                    bands=tuple(band_from_dict(band) for band in total.get("bands", ())),
                    pass_mark=total.get("pass_mark"),
                ),
            )
        except DefinitionError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError, ArithmeticError) as error:
            raise DefinitionError([f"The stored definition is malformed ({error!r})."]) from error


def whole(value: Any) -> int:
    """A stored whole number, refusing booleans and floats (TypeError)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {value!r}")
    return value


def band_to_dict(band: Band) -> dict[str, Any]:
    """A band as stored JSON (bounds as JSON numbers)."""
    return {
        "label": band.label,
        "minimum": json_number(band.minimum),
        "maximum": json_number(band.maximum),
        "interpretation": band.interpretation,
    }


def band_from_dict(data: Mapping[str, Any]) -> Band:
    """A band read back from ``band_to_dict``."""
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
