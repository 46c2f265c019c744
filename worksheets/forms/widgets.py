"""Widgets for the answer types Django has no widget for; each knows the form keys it reads.

``key_matcher`` lets the form refuse posted keys that belong to no question (forged field names).
"""

import re

from django import forms

from supervision.forms import RadioSelect
from worksheets import definitions as d


def getlist(data, key) -> list:
    if hasattr(data, "getlist"):
        return data.getlist(key)
    value = data.get(key, [])
    return list(value) if isinstance(value, (list, tuple)) else [value]


def key_matcher(widget, name: str) -> tuple[set[str], re.Pattern | None]:
    """The posted keys a widget renders for the field called ``name``: exact keys and a pattern."""
    if hasattr(widget, "key_matcher"):
        return widget.key_matcher(name)
    if isinstance(widget, forms.MultiWidget):
        return {f"{name}{suffix}" for suffix in widget.widgets_names}, None
    return {name}, None


class ScaleRadioSelect(RadioSelect):
    """Radio buttons laid out as a scale that wraps on a narrow screen."""

    def __init__(self, attrs=None, choices=()):
        super().__init__(attrs={"class": "scale", **(attrs or {})}, choices=choices)


class ChecklistWidget(forms.Widget):
    template_name = "worksheets/widgets/checklist.html"
    use_fieldset = True

    def __init__(self, items=(), allow_other=False, other_label="Other", attrs=None):
        super().__init__(attrs)
        self.items = list(items)
        self.allow_other = allow_other
        self.other_label = other_label

    def format_value(self, value):
        value = value if isinstance(value, dict) else {}
        checked = value.get("checked") or []
        return {
            "checked": [str(item) for item in checked] if isinstance(checked, list) else [],
            "other": str(value.get("other") or ""),
        }

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        current = context["widget"]["value"]
        base_id = context["widget"]["attrs"].get("id", f"id_{name}")
        context["widget"]["items"] = [
            {"value": item, "id": f"{base_id}_{index}", "checked": item in current["checked"]}
            for index, item in enumerate(self.items)
        ]
        context["widget"]["allow_other"] = self.allow_other
        context["widget"]["other_label"] = self.other_label
        context["widget"]["other_id"] = f"{base_id}_other"
        context["widget"]["other_name"] = f"{name}_other"
        return context

    def value_from_datadict(self, data, files, name):
        return {"checked": getlist(data, name), "other": data.get(f"{name}_other", "")}

    def value_omitted_from_data(self, data, files, name):
        return False

    def key_matcher(self, name):
        return ({name, f"{name}_other"} if self.allow_other else {name}), None

    def id_for_label(self, id_):
        return f"{id_}_0" if id_ else id_


class DurationWidget(forms.MultiWidget):
    template_name = "worksheets/widgets/duration.html"
    use_fieldset = True

    def __init__(self, max_hours=24, attrs=None):
        widgets = [
            forms.NumberInput(attrs={"min": 0, "max": max_hours, "inputmode": "numeric"}),
            forms.NumberInput(attrs={"min": 0, "max": 59, "inputmode": "numeric"}),
        ]
        super().__init__(widgets, attrs)

    def decompress(self, value):
        if value in (None, ""):
            return [None, None]
        try:
            minutes = int(value)
        except (TypeError, ValueError):
            return [None, None]
        return [minutes // 60, minutes % 60]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        for subwidget, label in zip(
            context["widget"]["subwidgets"], ("Hours", "Minutes"), strict=True
        ):
            subwidget["label"] = label
        return context


class RowsWidget(forms.Widget):
    """A repeating group: a numbered set of rows, each with one labelled input per column.

    Every allowed row is rendered; rows beyond those filled in are marked so the page's script can
    hide them behind an "Add a row" button (without the script they simply stay visible).
    """

    template_name = "worksheets/widgets/rows.html"
    use_fieldset = True

    def __init__(self, columns=(), min_rows=1, max_rows=6, attrs=None):
        super().__init__(attrs)
        self.columns = list(columns)
        self.min_rows = min_rows
        self.max_rows = max_rows
        self.column_names = [column["name"] for column in self.columns]

    def key_pattern(self, name):
        columns = "|".join(re.escape(column) for column in self.column_names)
        return re.compile(rf"^{re.escape(name)}-(\d{{1,3}})-({columns})$")

    def key_matcher(self, name):
        return set(), self.key_pattern(name)

    def value_from_datadict(self, data, files, name):
        pattern = self.key_pattern(name)
        rows: dict[int, dict] = {}
        for key in data:
            match = pattern.match(key)
            if match:
                rows.setdefault(int(match[1]), {})[match[2]] = data.get(key, "")
        return [
            rows[index]
            for index in sorted(rows)
            if any(str(v).strip() for v in rows[index].values())
        ]

    def value_omitted_from_data(self, data, files, name):
        return False

    def format_value(self, value):
        if not isinstance(value, list):
            return []
        return [row for row in value if isinstance(row, dict)]

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        filled = context["widget"]["value"]
        base_id = context["widget"]["attrs"].get("id", f"id_{name}")
        shown = max(self.min_rows, len(filled))
        total = max(self.max_rows, len(filled))
        rows = []
        for index in range(total):
            values = filled[index] if index < len(filled) else {}
            cells = []
            for column in self.columns:
                cell_value = values.get(column["name"], "")
                cells.append(
                    {
                        **column,
                        "input_name": f"{name}-{index}-{column['name']}",
                        "id": f"{base_id}-{index}-{column['name']}",
                        "value": "" if cell_value is None else str(cell_value),
                        "bounds": _column_bounds(column["kind"]),
                    }
                )
            rows.append({"number": index + 1, "cells": cells, "extra": index >= shown})
        context["widget"]["rows"] = rows
        context["widget"]["max_rows"] = self.max_rows
        return context

    def id_for_label(self, id_):
        return f"{id_}-0-{self.column_names[0]}" if id_ and self.column_names else id_


def _column_bounds(kind: str) -> dict:
    if kind == d.RATING_10:
        return {"min": 0, "max": 10}
    if kind == d.RATING_100:
        return {"min": 0, "max": 100}
    return {}


EMOTION_COLUMNS = [
    {"name": "emotion", "label": "Emotion", "kind": d.SHORT_TEXT},
    {"name": "intensity", "label": "Intensity (0-100)", "kind": d.RATING_100},
]


class ViciousCircleWidget(forms.Widget):
    template_name = "worksheets/widgets/vicious_circle.html"
    use_fieldset = True

    def __init__(self, include_alternative=True, max_emotions=4, attrs=None):
        super().__init__(attrs)
        self.include_alternative = include_alternative
        self.emotions = RowsWidget(columns=EMOTION_COLUMNS, min_rows=1, max_rows=max_emotions)
        self.text_parts = [key for key, _label in d.VICIOUS_CIRCLE_PARTS if key != "emotions"]
        if include_alternative:
            self.text_parts.append(d.VICIOUS_CIRCLE_ALTERNATIVE[0])

    def key_matcher(self, name):
        return {f"{name}-{part}" for part in self.text_parts}, self.emotions.key_pattern(
            f"{name}-emotions"
        )

    def value_from_datadict(self, data, files, name):
        value = {part: data.get(f"{name}-{part}", "") for part in self.text_parts}
        value["emotions"] = self.emotions.value_from_datadict(data, files, f"{name}-emotions")
        return value

    def value_omitted_from_data(self, data, files, name):
        return False

    def format_value(self, value):
        return value if isinstance(value, dict) else {}

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        current = context["widget"]["value"]
        base_id = context["widget"]["attrs"].get("id", f"id_{name}")
        labels = dict((*d.VICIOUS_CIRCLE_PARTS, d.VICIOUS_CIRCLE_ALTERNATIVE))
        parts = []
        for key, label in d.VICIOUS_CIRCLE_PARTS:
            if key == "emotions":
                emotions_attrs = {"id": f"{base_id}-emotions"}
                parts.append(
                    {
                        "key": key,
                        "label": label,
                        "emotions": self.emotions.get_context(
                            f"{name}-emotions", current.get("emotions"), emotions_attrs
                        )["widget"],
                    }
                )
            else:
                parts.append(self._text_part(name, base_id, key, label, current))
        if self.include_alternative:
            key = d.VICIOUS_CIRCLE_ALTERNATIVE[0]
            parts.append(self._text_part(name, base_id, key, labels[key], current))
        context["widget"]["parts"] = parts
        return context

    @staticmethod
    def _text_part(name, base_id, key, label, current):
        return {
            "key": key,
            "label": label,
            "input_name": f"{name}-{key}",
            "id": f"{base_id}-{key}",
            "value": str(current.get(key) or ""),
            "max_length": d.VICIOUS_TEXT_LIMIT,
        }

    def id_for_label(self, id_):
        return f"{id_}-situation" if id_ else id_
