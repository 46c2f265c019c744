"""Reading a worksheet template's Scoring blocks and questionnaire items into a scored questionnaire.

A template is a questionnaire when its Scoring has a rating range or its questions include
questionnaire items. Publishing freezes two things from it: the field definition the form
builder reads (items carry the rating range, so the form needs nothing else) and the
``definitions.Questionnaire`` that scores every administration of that version.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.forms.utils import ErrorList
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtail.coreutils import safe_snake_case

from worksheets import definitions as d
from worksheets.scoring.definitions import (
    BY_SCALE,
    MEAN,
    MIXED,
    SUM,
    Anchor,
    Band,
    Item,
    LikertRange,
    Questionnaire,
    Scale,
    Total,
)
from worksheets.scoring.validation import Problem, validate_definition

RATING_RANGE = "rating_range"
SCALE = "scale"
TOTAL = "total"
# Stands in for a missing rating range so the other problems can still be listed.
_NO_RANGE = LikertRange(1, 2, (Anchor(1, "low"), Anchor(2, "high")))


def _normalise(text: str) -> str:
    return " ".join(str(text).replace("_", " ").replace("-", " ").split()).casefold()


def _children(stream) -> list[tuple[str, object]]:
    return [(child.block_type, child.value) for child in stream or []]


def is_questionnaire(body_definition: Sequence[dict], scoring_stream) -> bool:
    return any(kind == RATING_RANGE for kind, _ in _children(scoring_stream)) or any(
        element["type"] == d.QUESTIONNAIRE_ITEM for element in body_definition
    )


def _bands(value) -> tuple[Band, ...]:
    return tuple(
        Band(
            label=(band.get("label") or "").strip(),
            minimum=band["minimum"] if band.get("minimum") is not None else 0,
            maximum=band["maximum"] if band.get("maximum") is not None else 0,
            interpretation=(band.get("interpretation") or "").strip(),
        )
        for band in value.get("bands") or []
    )


@dataclass(frozen=True)
class Authored:
    """What a template's blocks say, read into a definition, with every reason it cannot publish."""

    questionnaire: Questionnaire
    problems: tuple[Problem, ...]
    has_range: bool

    @property
    def publishable(self) -> bool:
        return not self.problems


def read_questionnaire(
    *, key: str, title: str, introduction: str, body_definition: Sequence[dict], scoring_stream
) -> Authored | None:
    """The questionnaire a template describes (None for a plain worksheet), with its problems."""
    if not is_questionnaire(body_definition, scoring_stream):
        return None
    settings = None
    scales: list[Scale] = []
    total = None
    for kind, value in _children(scoring_stream):
        if kind == RATING_RANGE and settings is None:
            settings = value
        elif kind == SCALE:
            scales.append(
                Scale(
                    name=value.get("name") or "",
                    title=(value.get("title") or "").strip(),
                    description=(value.get("description") or "").strip(),
                    method=value.get("method") or MEAN,
                    max_missing=value.get("max_missing") or 0,
                    bands=_bands(value),
                    reflection_prompt=(value.get("reflection_prompt") or "").strip(),
                    group=(value.get("group") or "").strip(),
                )
            )
        elif kind == TOTAL and total is None:
            total = Total(
                title=(value.get("title") or "").strip(),
                method=value.get("method") or SUM,
                max_missing=value.get("max_missing") or 0,
                bands=_bands(value),
                pass_mark=value.get("pass_mark"),
            )

    by_spelling: dict[str, str] = {}
    for scale in scales:
        by_spelling.setdefault(_normalise(scale.name), scale.name)
        by_spelling.setdefault(_normalise(scale.title), scale.name)
    items = tuple(
        Item(
            machine_name=element["name"],
            text=element["label"],
            scale=by_spelling.get(_normalise(element.get("scale", "")), element.get("scale", "")),
            reverse_keyed=bool(element.get("reverse_keyed")),
            help_text=element.get("help_text", ""),
        )
        for element in body_definition
        if element["type"] == d.QUESTIONNAIRE_ITEM
    )
    if settings is not None:
        likert = LikertRange(
            minimum=settings.get("minimum") if settings.get("minimum") is not None else 0,
            maximum=settings.get("maximum") if settings.get("maximum") is not None else 0,
            anchors=tuple(
                Anchor(anchor["value"], (anchor.get("label") or "").strip())
                for anchor in settings.get("anchors") or []
                if anchor.get("value") is not None
            ),
        )
    questionnaire = Questionnaire(
        slug=key,
        title=title,
        instructions=introduction,
        notice=((settings.get("notice") if settings else "") or "").strip(),
        presentation=(settings.get("presentation") if settings else None) or MIXED,
        rated_by_someone_else=bool(settings.get("rated_by_someone_else")) if settings else False,
        likert=likert if settings is not None else _NO_RANGE,
        scales=tuple(scales),
        items=items,
        total=total,
    )
    problems = validate_definition(questionnaire)
    if settings is None:
        problems = [p for p in problems if p.part != "likert"]
        problems.insert(
            0,
            Problem(
                "likert",
                "",
                "Questionnaire items need a rating range: add 'Rating range and presentation' "
                "under Scoring.",
            ),
        )
    for element in body_definition:
        if element["type"] == d.QUESTIONNAIRE_ITEM and not element.get("scale", "").strip():
            problems.append(
                Problem("item", element["name"], f"The item '{element['label']}' names no scale.")
            )
    return Authored(questionnaire, tuple(problems), settings is not None)


def arrange(definition: Sequence[dict], questionnaire: Questionnaire) -> list[dict]:
    """The field definition as respondents see it: items know their range and scale, in order.

    Shown scale by scale, the items are gathered where the first item stood, under a heading
    for each group of scales (or each scale when scales have no group).
    """
    anchors = [{"point": a.value, "text": a.label} for a in questionnaire.likert.anchors]
    items = {item.machine_name: item for item in questionnaire.items}
    enriched = []
    for element in definition:
        if element["type"] == d.QUESTIONNAIRE_ITEM:
            item = items.get(element["name"])
            element = {
                **element,
                "scale": item.scale if item else element.get("scale", ""),
                "minimum": questionnaire.likert.minimum,
                "maximum": questionnaire.likert.maximum,
                "anchors": anchors,
            }
        enriched.append(element)
    if questionnaire.presentation != BY_SCALE:
        return enriched

    item_elements = [e for e in enriched if e["type"] == d.QUESTIONNAIRE_ITEM]
    if not item_elements:
        return enriched
    grouped: list[dict] = []
    heading = None
    for scale in questionnaire.scales:
        members = [e for e in item_elements if e["scale"] == scale.name]
        if not members:
            continue
        title = scale.group or scale.title
        if title != heading:
            grouped.append({"type": d.HEADING, "text": title})
            heading = title
        grouped.extend(members)
    known = {scale.name for scale in questionnaire.scales}
    grouped.extend(e for e in item_elements if e["scale"] not in known)
    first = enriched.index(item_elements[0])
    rest = [e for e in enriched if e["type"] != d.QUESTIONNAIRE_ITEM]
    return rest[:first] + grouped + rest[first:]


def propose_item_names(body, previous: dict[str, str]) -> None:
    """Name new items after their scale (``<scale>_<n>``) rather than after a long statement."""
    taken = set(previous.values())
    for child in body:
        if hasattr(child.value, "get") and child.value.get("name"):
            taken.add(child.value["name"])
    counters: dict[str, int] = {}
    for child in body:
        if child.block_type != d.QUESTIONNAIRE_ITEM or child.value.get("name"):
            continue
        if child.id and child.id in previous:
            continue
        base = safe_snake_case(child.value.get("scale") or "")[: d.MACHINE_NAME_MAX_LENGTH - 4]
        base = base.strip("_") or "item"
        if not base[0].isalpha():
            base = f"item_{base}"[: d.MACHINE_NAME_MAX_LENGTH - 4]
        while True:
            counters[base] = counters.get(base, 0) + 1
            candidate = f"{base}_{counters[base]}"
            if candidate not in taken:
                break
        taken.add(candidate)
        child.value["name"] = candidate


def assign_scale_names(scoring_stream, previous: dict[str, str]) -> None:
    """Scale machine names are made once from the first title and never change afterwards."""
    scales = [(child.id, child.value) for child in scoring_stream if child.block_type == SCALE]
    d.assign_names(scales, previous, label_key="title")


def previous_scale_names(scoring_stream) -> dict[str, str]:
    names = {}
    for child in scoring_stream.raw_data if scoring_stream is not None else []:
        value = child.get("value") or {}
        if child.get("type") == SCALE and child.get("id") and value.get("name"):
            names[child["id"]] = value["name"]
    return names


# --- Problems shown beside the blocks they concern -----------------------------------------


def block_errors(
    problems: Iterable[Problem], *, body, scoring_stream
) -> dict[str, ValidationError]:
    """Form errors for the ``body`` and ``scoring`` fields, each message beside its block."""
    scale_index, item_index = {}, {}
    range_index = total_index = None
    for index, child in enumerate(scoring_stream or []):
        if child.block_type == SCALE:
            scale_index.setdefault(child.value.get("name"), index)
        elif child.block_type == RATING_RANGE and range_index is None:
            range_index = index
        elif child.block_type == TOTAL and total_index is None:
            total_index = index
    for index, child in enumerate(body or []):
        if child.block_type == d.QUESTIONNAIRE_ITEM:
            item_index.setdefault(child.value.get("name"), index)

    placed: dict[str, dict[int, list[str]]] = {"body": {}, "scoring": {}}
    loose: dict[str, list[str]] = {"body": [], "scoring": []}
    for problem in problems:
        field, index = "scoring", None
        if problem.part == "scale":
            index = scale_index.get(problem.key)
        elif problem.part == "item":
            field, index = "body", item_index.get(problem.key)
        elif problem.part == "likert":
            index = range_index
        elif problem.part == "total":
            index = total_index
        if index is None:
            loose[field].append(problem.message)
        else:
            placed[field].setdefault(index, []).append(problem.message)

    errors = {}
    for field in ("body", "scoring"):
        if not placed[field] and not loose[field]:
            continue
        errors[field] = StreamBlockValidationError(
            block_errors={
                index: StructBlockValidationError(non_block_errors=ErrorList(messages))
                for index, messages in placed[field].items()
            },
            non_block_errors=ErrorList(loose[field]),
        )
    return errors
