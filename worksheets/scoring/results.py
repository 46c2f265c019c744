"""Scoring one administration: answers in, a self-contained result out, stored with the entry.

``score_questionnaire`` is the one place scores are computed (rules in ``worksheets.scoring``).
A ``QuestionnaireResult`` turns into plain JSON and back, so the result stored when an entry is
submitted reads the same however the questionnaire is edited later.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

from worksheets.scoring.definitions import (
    DECIMAL_PLACES,
    MEAN,
    RESULT_FORMAT,
    Band,
    LikertRange,
    Questionnaire,
    as_decimal,
    band_from_dict,
    band_to_dict,
    json_number,
    possible_range,
)


class AnswerError(ValueError):
    """Answers that cannot be scored (not whole numbers, or outside the Likert range)."""

    def __init__(self, problems: Mapping[str, str]):
        self.problems = dict(problems)
        super().__init__("; ".join(f"{name}: {text}" for name, text in self.problems.items()))


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
            "score": None if self.score is None else json_number(self.score),
            "reason": self.reason,
            "item_count": self.item_count,
            "answered": self.answered,
            "missing": self.missing,
            "max_missing": self.max_missing,
            "lowest_possible": json_number(self.lowest_possible),
            "highest_possible": json_number(self.highest_possible),
            "band": None if self.band is None else band_to_dict(self.band),
            "bands": [band_to_dict(band) for band in self.bands],
            "description": self.description,
            "reflection_prompt": self.reflection_prompt,
            "group": self.group,
            "pass_mark": None if self.pass_mark is None else json_number(self.pass_mark),
            "threshold_met": self.threshold_met,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoreResult:
        return cls(
            name=data["name"],
            title=data["title"],
            method=data["method"],
            score=None if data["score"] is None else as_decimal(data["score"]),
            item_count=data["item_count"],
            answered=data["answered"],
            max_missing=data["max_missing"],
            lowest_possible=as_decimal(data["lowest_possible"]),
            highest_possible=as_decimal(data["highest_possible"]),
            band=None if data["band"] is None else band_from_dict(data["band"]),
            bands=tuple(band_from_dict(band) for band in data["bands"]),
            reason=data.get("reason", ""),
            description=data.get("description", ""),
            reflection_prompt=data.get("reflection_prompt", ""),
            group=data.get("group", ""),
            pass_mark=None if data.get("pass_mark") is None else as_decimal(data["pass_mark"]),
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
