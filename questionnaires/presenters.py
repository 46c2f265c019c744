"""Turns stored results into what result, history and comparison pages show: rows and chart data.

Everything is read from the results stored at submission, never from the questionnaire as it
is now, so a past result reads the same however the questionnaire was edited since.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property
from html import escape

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe

from questionnaires.selectors import current_supervisees
from supervision.presenting import short_date_year
from worksheets.scoring.definitions import MEAN, Questionnaire
from worksheets.scoring.results import QuestionnaireResult, ScoreResult


def number(value: Decimal | None) -> str:
    """A score as people read it: 14, 3.5, 2.75 (no trailing zeros)."""
    if value is None:
        return ""
    return format(value.normalize(), "f")


def _float(value: Decimal | None) -> float | None:
    return None if value is None else float(value)


@dataclass(frozen=True)
class BandShown:
    label: str
    minimum: str
    maximum: str
    interpretation: str
    current: bool


@dataclass(frozen=True)
class ScoreRow:
    """One scale (or the total) of one administration, with its reading."""

    name: str
    title: str
    group: str
    description: str
    scored: bool
    score: str
    reason: str
    band: str
    interpretation: str
    reflection_prompt: str
    lowest: str
    highest: str
    method: str
    answered: int
    item_count: int
    bands: list[BandShown] = field(default_factory=list)
    threshold: str = ""

    @property
    def range_text(self) -> str:
        return f"{self.lowest} to {self.highest}"


def score_row(result: ScoreResult) -> ScoreRow:
    threshold = ""
    if result.pass_mark is not None:
        mark = number(result.pass_mark)
        if result.threshold_met is None:
            threshold = f"threshold {mark} not worked out"
        elif result.threshold_met:
            threshold = f"threshold {mark} reached"
        else:
            threshold = f"threshold {mark} not reached"
    return ScoreRow(
        name=result.name,
        title=result.title,
        group=result.group,
        description=result.description,
        scored=result.scored,
        score=number(result.score),
        reason=result.reason,
        band=result.band.label if result.band else "",
        interpretation=result.band.interpretation if result.band else "",
        reflection_prompt=result.reflection_prompt,
        lowest=number(result.lowest_possible),
        highest=number(result.highest_possible),
        method="mean" if result.method == MEAN else "sum",
        answered=result.answered,
        item_count=result.item_count,
        bands=[
            BandShown(
                label=band.label,
                minimum=number(band.minimum),
                maximum=number(band.maximum),
                interpretation=band.interpretation,
                current=result.band is not None and band == result.band,
            )
            for band in result.bands
        ],
        threshold=threshold,
    )


def _bands_data(result: ScoreResult) -> list[dict]:
    return [
        {"label": band.label, "min": float(band.minimum), "max": float(band.maximum)}
        for band in result.bands
    ]


def _axis(results: list[ScoreResult]) -> dict:
    """One axis in score units when the scales share a range, else the position within each range."""
    ranges = {(r.lowest_possible, r.highest_possible) for r in results}
    if len(ranges) == 1:
        low, high = ranges.pop()
        return {"min": float(low), "max": float(high), "percent": False}
    return {"min": 0, "max": 100, "percent": True}


def _plotted(value: Decimal | None, result: ScoreResult, axis: dict) -> float | None:
    if value is None:
        return None
    if not axis["percent"]:
        return float(value)
    span = result.highest_possible - result.lowest_possible
    return round(float((value - result.lowest_possible) / span * 100), 1) if span else 0.0


def _plotted_bands(result: ScoreResult, axis: dict) -> list[dict]:
    return [
        {
            "label": band["label"],
            "min": _plotted(Decimal(str(band["min"])), result, axis),
            "max": _plotted(Decimal(str(band["max"])), result, axis),
        }
        for band in _bands_data(result)
    ]


@dataclass(frozen=True)
class Profile:
    title: str
    rows: list[ScoreRow]
    total: ScoreRow | None
    chart: dict
    grouped: bool

    @property
    def unscored(self) -> list[ScoreRow]:
        return [row for row in self.rows if not row.scored]


def profile(result: QuestionnaireResult) -> Profile:
    """One administration: a row per scale, the total, and the data of its profile chart."""
    axis = _axis(list(result.scales))
    chart = {
        "kind": "profile",
        "axis": axis,
        "unit": "Position within the possible range (%)"
        if axis["percent"]
        else f"Score ({number(Decimal(str(axis['min'])))} to {number(Decimal(str(axis['max'])))})",
        "labels": [scale.title for scale in result.scales],
        "series": [
            {
                "label": "Score",
                "values": [_plotted(scale.score, scale, axis) for scale in result.scales],
            }
        ],
        "bands": [_plotted_bands(scale, axis) for scale in result.scales],
    }
    return Profile(
        title=result.title,
        rows=[score_row(scale) for scale in result.scales],
        total=score_row(result.total) if result.total else None,
        chart=chart,
        grouped=any(scale.group for scale in result.scales),
    )


def results_context(entry) -> dict:
    """What an entry's read page adds for a scored questionnaire: its profile and its history link."""
    if not entry.result:
        return {}
    result = QuestionnaireResult.from_dict(entry.result)
    about = entry.subject if entry.is_rating else entry.author
    version = entry.template_version
    return {
        "entry": entry,
        "profile": profile(result),
        "questionnaire_notice": (entry.questionnaire or {}).get("notice", ""),
        "history_url": reverse("questionnaires:history", args=[about.pk, version.questionnaire_key])
        if version and version.questionnaire_key
        else "",
    }


# --- History and comparison --------------------------------------------------------------


@dataclass(frozen=True)
class Administration:
    entry: object
    result: QuestionnaireResult

    @property
    def date(self):
        return self.entry.submitted_at

    @cached_property
    def date_label(self) -> str:
        """E.g. "3 Nov 2026" (as ``date:"j M Y"``), once per administration: it heads a column and
        labels each chart's point."""
        return short_date_year(self.entry.submitted_at)


@dataclass(frozen=True)
class HistoryScale:
    name: str
    chart_id: str
    title: str
    lowest: str
    highest: str
    cells: list[SafeString]  # one table cell's content per administration, oldest first
    chart: dict


NOT_ASKED = mark_safe('<span class="muted">not asked</span>')
NOT_SCORED = mark_safe('<span class="muted">not scored</span>')


def history_cell(result: ScoreResult | None) -> SafeString:
    """What the history table shows of one scale at one administration: "14 <band>", "not
    scored" or "not asked". Written here, not in the template: the template's tests and lookups
    for each cell were a tenth of the page (issue 11)."""
    if result is None:
        return NOT_ASKED
    if not result.scored:
        return NOT_SCORED
    band = result.band.label if result.band else ""
    # The standard library's escape (the same text as Django's, without its lazy-string
    # wrapper) rather than format_html(): a fifth of the calls, for each scale at each date.
    return mark_safe(
        f'{escape(number(result.score))} <span class="band-word">{escape(band)}</span>'
    )


def administrations(entries) -> list[Administration]:
    return [Administration(entry, QuestionnaireResult.from_dict(entry.result)) for entry in entries]


def _scale_order(runs: list[Administration]) -> list[str]:
    """Scales in the order of the latest administration, then any only older ones had."""
    order: list[str] = []
    for run in reversed(runs):
        for scale in run.result.scales:
            if scale.name not in order:
                order.append(scale.name)
    return order


def _lookup(run: Administration, name: str) -> ScoreResult | None:
    if name == "total":
        return run.result.total
    try:
        return run.result.scale(name)
    except KeyError:
        return None


def history(runs: list[Administration]) -> list[HistoryScale]:
    """Each scale over time: one small chart and one table row per scale."""
    names = _scale_order(runs)
    if any(run.result.total for run in runs):
        names.append("total")
    dates = [run.date_label for run in runs]
    scales = []
    for position, name in enumerate(names, start=1):
        found = [_lookup(run, name) for run in runs]
        latest = next(result for result in reversed(found) if result is not None)
        axis = {
            "min": float(latest.lowest_possible),
            "max": float(latest.highest_possible),
            "percent": False,
        }
        scales.append(
            HistoryScale(
                name=name,
                chart_id=f"history-chart-{position}",
                title=latest.title,
                lowest=number(latest.lowest_possible),
                highest=number(latest.highest_possible),
                cells=[history_cell(result) for result in found],
                chart={
                    "kind": "history",
                    "axis": axis,
                    "unit": f"Score ({number(latest.lowest_possible)} to "
                    f"{number(latest.highest_possible)})",
                    "labels": dates,
                    "series": [
                        {
                            "label": latest.title,
                            "values": [_float(r.score) if r else None for r in found],
                        }
                    ],
                    "bands": _bands_data(latest),
                },
            )
        )
    return scales


@dataclass(frozen=True)
class ComparedScale:
    title: str
    first: ScoreRow | None
    second: ScoreRow | None
    change: str


def _change(first: ScoreResult | None, second: ScoreResult | None) -> str:
    if first is None or second is None:
        return "Not in both"
    if first.score is None or second.score is None:
        return "Not scored in both"
    difference = second.score - first.score
    if difference == 0:
        return "No change"
    sign = "+" if difference > 0 else "−"
    direction = "higher" if difference > 0 else "lower"
    return f"{sign}{number(abs(difference))} ({direction})"


def comparison(first: Administration, second: Administration) -> dict:
    """Two administrations side by side: a row per scale and a chart of both."""
    names = _scale_order([first, second])
    if first.result.total or second.result.total:
        names.append("total")
    rows = []
    for name in names:
        a, b = _lookup(first, name), _lookup(second, name)
        shown = b or a
        rows.append(
            ComparedScale(
                title=shown.title,
                first=score_row(a) if a else None,
                second=score_row(b) if b else None,
                change=_change(a, b),
            )
        )
    scales = [_lookup(second, n) or _lookup(first, n) for n in names if n != "total"]
    axis = _axis(scales)
    chart = {
        "kind": "compare",
        "axis": axis,
        "unit": "Position within the possible range (%)"
        if axis["percent"]
        else f"Score ({number(Decimal(str(axis['min'])))} to {number(Decimal(str(axis['max'])))})",
        "labels": [scale.title for scale in scales],
        "series": [
            {
                "label": run.date_label,
                "values": [
                    _plotted(_lookup(run, s.name).score, s, axis) if _lookup(run, s.name) else None
                    for s in scales
                ],
            }
            for run in (first, second)
        ],
        "bands": [_plotted_bands(scale, axis) for scale in scales],
    }
    return {"rows": rows, "chart": chart}


def template_context(version, *, user) -> dict:
    """What a questionnaire's page in the library adds: its scales and, for a rating, who may rate."""
    if version is None or not version.is_questionnaire:
        return {}
    questionnaire = Questionnaire.from_dict(version.questionnaire)
    likert = questionnaire.likert
    return {
        "questionnaire": questionnaire,
        "rating_range": f"{likert.minimum} ({likert.label_for(likert.minimum) or 'lowest'}) to "
        f"{likert.maximum} ({likert.label_for(likert.maximum) or 'highest'})",
        "may_rate": questionnaire.rated_by_someone_else and current_supervisees(user).exists(),
    }
