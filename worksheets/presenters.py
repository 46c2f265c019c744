"""Turns a version's definition and an entry's answers into what the read view shows, in order."""

import datetime
from dataclasses import dataclass, field

from django.utils.dateparse import parse_date, parse_time
from django.utils.formats import date_format, time_format

from worksheets import definitions as d


@dataclass
class ShownElement:
    """One element of a read view: a heading, help text, or a question with its answer."""

    kind: str
    type: str = ""
    label: str = ""
    text: str = ""
    answered: bool = False
    level: int = 2
    value: object = None
    items: list = field(default_factory=list)
    extra: dict = field(default_factory=dict)
    # How an answer is shown ("none", "rows", "vicious_circle", "list", "long_text" or "text"),
    # decided once here so the read view tests one value, not a chain of five (issue 11: a
    # 40-item questionnaire shows forty answers).
    shows: str = ""

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.text.split("\n\n") if part.strip()]


def _blank(value) -> bool:
    if value is None:
        return True
    if isinstance(value, str):
        return not value.strip()
    if isinstance(value, (list, tuple)):
        return not value
    if isinstance(value, dict):
        return all(_blank(item) for item in value.values())
    return False


def format_date(value) -> str:
    parsed = value if isinstance(value, datetime.date) else parse_date(str(value))
    return date_format(parsed, "j F Y") if parsed else str(value)


def format_time(value) -> str:
    try:
        parsed = value if isinstance(value, datetime.time) else parse_time(str(value))
    except ValueError:
        parsed = None
    return time_format(parsed, "H:i") if parsed else str(value)


def format_duration(minutes) -> str:
    if isinstance(minutes, (list, tuple)):
        # A draft keeps the hours and minutes boxes as typed.
        hours, rest = (list(minutes) + ["", ""])[:2]
        try:
            minutes = int(hours or 0) * 60 + int(rest or 0)
        except (TypeError, ValueError):
            return " ".join(
                f"{value} {unit}"
                for value, unit in zip(minutes, ("h", "min"), strict=False)
                if value
            )
    try:
        minutes = int(minutes)
    except (TypeError, ValueError):
        return str(minutes)
    hours, rest = divmod(minutes, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("" if hours == 1 else "s"))
    if rest or not hours:
        parts.append(f"{rest} minute" + ("" if rest == 1 else "s"))
    return " ".join(parts)


def format_cell(kind: str, value) -> str:
    if _blank(value):
        return ""
    if kind == d.DATE:
        return format_date(value)
    if kind == d.TIME:
        return format_time(value)
    if kind == d.RATING_10:
        return f"{value} out of 10"
    if kind == d.RATING_100:
        return f"{value} out of 100"
    return str(value)


def _shows(shown: ShownElement) -> str:
    if not shown.answered:
        return "none"
    if shown.type in (d.ROWS, d.VICIOUS_CIRCLE):
        return shown.type
    if shown.items:
        return "list"
    return "long_text" if shown.type == d.LONG_TEXT else "text"


def _answer(element: dict, value) -> ShownElement:
    shown = _answer_values(element, value)
    shown.shows = _shows(shown)
    return shown


def _answer_values(element: dict, value) -> ShownElement:
    kind = element["type"]
    shown = ShownElement(
        kind="answer", type=kind, label=element["label"], answered=not _blank(value)
    )
    if not shown.answered:
        return shown
    if kind in (d.MULTIPLE_CHOICE, d.TOP_CHOICES):
        shown.items = [str(item) for item in value] if isinstance(value, list) else [str(value)]
    elif kind == d.CHECKLIST:
        shown.items = list(value.get("checked") or [])
        if value.get("other"):
            shown.items.append(f"{element.get('other_label') or 'Other'}: {value['other']}")
    elif kind == d.LIKERT:
        anchors = {anchor["point"]: anchor["text"] for anchor in element.get("anchors", [])}
        shown.value = f"{value} of {element['points']}"
        shown.extra = {"anchor": anchors.get(_int(value), "")}
    elif kind == d.QUESTIONNAIRE_ITEM:
        anchors = {anchor["point"]: anchor["text"] for anchor in element.get("anchors", [])}
        shown.value = f"{value} on {element['minimum']} to {element['maximum']}"
        shown.extra = {"anchor": anchors.get(_int(value), "")}
    elif kind in (d.RATING_10, d.RATING_100):
        shown.value = format_cell(kind, value)
    elif kind == d.NUMBER:
        shown.value = " ".join(part for part in (str(value), element.get("unit") or "") if part)
    elif kind == d.DATE:
        shown.value = format_date(value)
    elif kind == d.TIME:
        shown.value = format_time(value)
    elif kind == d.DURATION:
        shown.value = format_duration(value)
    elif kind == d.ROWS:
        columns = element["columns"]
        shown.extra = {"columns": columns}
        shown.items = [
            [format_cell(column["kind"], row.get(column["name"])) for column in columns]
            for row in value
            if isinstance(row, dict)
        ]
    elif kind == d.VICIOUS_CIRCLE:
        shown.extra = _vicious_circle(value)
    else:
        shown.value = str(value)
    return shown


def _vicious_circle(value: dict) -> dict:
    emotions = [
        {
            "emotion": str(row.get("emotion") or ""),
            "intensity": "" if _blank(row.get("intensity")) else row.get("intensity"),
        }
        for row in value.get("emotions") or []
        if isinstance(row, dict)
    ]
    parts = {key: str(value.get(key) or "").strip() for key, _label in d.VICIOUS_CIRCLE_PARTS}
    parts["emotions"] = emotions
    parts["alternative"] = str(value.get("alternative") or "").strip()
    return parts


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def shown_elements(definition: list[dict], answers: dict) -> list[ShownElement]:
    """Questions with their answers, in order; a question under a section heading sits a level lower."""
    elements, under_heading = [], False
    for element in definition:
        if element["type"] in d.DISPLAY_TYPES:
            under_heading = under_heading or element["type"] == d.HEADING
            elements.append(ShownElement(kind=element["type"], text=element["text"]))
        else:
            shown = _answer(element, answers.get(element["name"]))
            shown.level = 3 if under_heading else 2
            elements.append(shown)
    return elements


def question_overview(definition: list[dict]) -> list[ShownElement]:
    """The questions of a version without answers: what a worksheet asks, before starting it."""
    overview = []
    for element in definition:
        if element["type"] in d.DISPLAY_TYPES:
            overview.append(ShownElement(kind=element["type"], text=element["text"]))
        else:
            overview.append(
                ShownElement(
                    kind="question",
                    type=element["type"],
                    label=element["label"],
                    text=element.get("help_text", ""),
                    extra={
                        "type_label": d.TYPE_LABELS[element["type"]],
                        "required": element.get("required"),
                    },
                )
            )
    return overview
