"""Form fields for the composite answer types: checklist, top choices, duration, rows, vicious circle."""

from django import forms
from django.core.exceptions import ValidationError

from worksheets import definitions as d
from worksheets.forms.widgets import (
    ChecklistWidget,
    DurationWidget,
    RowsWidget,
    ViciousCircleWidget,
)

OTHER_MAX_LENGTH = 200


def _is_blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class ChecklistField(forms.Field):
    """Tick everything that applies, with an optional free "other" answer."""

    def __init__(self, *, items, allow_other=False, other_label="Other", **kwargs):
        self.items = list(items)
        self.allow_other = allow_other
        kwargs.setdefault(
            "widget", ChecklistWidget(items=items, allow_other=allow_other, other_label=other_label)
        )
        super().__init__(**kwargs)

    def to_python(self, value):
        value = value if isinstance(value, dict) else {}
        checked = value.get("checked") or []
        if not isinstance(checked, list):
            checked = [checked]
        other = value.get("other") or ""
        return {"checked": [str(item) for item in checked], "other": str(other).strip()}

    def validate(self, value):
        not_offered = [item for item in value["checked"] if item not in self.items]
        if not_offered:
            raise ValidationError(
                "'%(value)s' is not one of the items offered.",
                code="invalid_choice",
                params={"value": not_offered[0]},
            )
        if len(set(value["checked"])) != len(value["checked"]):
            raise ValidationError("Each item can be ticked only once.", code="duplicate")
        if value["other"] and not self.allow_other:
            raise ValidationError("This checklist has no 'other' box.", code="invalid_choice")
        if len(value["other"]) > OTHER_MAX_LENGTH:
            raise ValidationError(
                "Keep the 'other' answer to %(limit)d characters (it has %(length)d).",
                code="max_length",
                params={"limit": OTHER_MAX_LENGTH, "length": len(value["other"])},
            )
        if self.required and not value["checked"] and not value["other"]:
            raise ValidationError(self.error_messages["required"], code="required")
        # Keep the ticked items in the order they were offered.
        value["checked"] = [item for item in self.items if item in value["checked"]]


class TopChoicesField(forms.MultipleChoiceField):
    """Pick the N most important options: never more than N, exactly N when an answer is required."""

    def __init__(self, *, pick, **kwargs):
        self.pick = pick
        super().__init__(**kwargs)

    def validate(self, value):
        super().validate(value)
        if len(set(value)) != len(value):
            raise ValidationError("Each option can be picked only once.", code="duplicate")
        wanted = min(self.pick, len(self.choices))
        if len(value) > wanted:
            raise ValidationError(
                "Pick no more than %(pick)d (you picked %(count)d).",
                code="too_many",
                params={"pick": wanted, "count": len(value)},
            )
        if self.required and len(value) != wanted:
            raise ValidationError(
                "Pick %(pick)d (you picked %(count)d).",
                code="too_few",
                params={"pick": wanted, "count": len(value)},
            )


class DurationField(forms.MultiValueField):
    """Hours and minutes, stored as a whole number of minutes."""

    def __init__(self, *, max_hours=24, **kwargs):
        fields = (
            forms.IntegerField(
                min_value=0,
                max_value=max_hours,
                required=False,
                error_messages={
                    "invalid": "Enter a whole number of hours.",
                    "max_value": "Use no more than %(limit_value)s hours.",
                    "min_value": "Hours cannot be negative.",
                },
            ),
            forms.IntegerField(
                min_value=0,
                max_value=59,
                required=False,
                error_messages={
                    "invalid": "Enter a whole number of minutes.",
                    "max_value": "Minutes go up to 59; put whole hours in the hours box.",
                    "min_value": "Minutes cannot be negative.",
                },
            ),
        )
        kwargs.setdefault("widget", DurationWidget(max_hours=max_hours))
        super().__init__(fields=fields, require_all_fields=False, **kwargs)

    def compress(self, data_list):
        if not data_list or all(value is None for value in data_list):
            return None
        hours, minutes = (list(data_list) + [None, None])[:2]
        return (hours or 0) * 60 + (minutes or 0)


class RowsField(forms.Field):
    """A repeating group; each cell is checked by the field the builder made for its column."""

    def __init__(self, *, columns, column_fields, min_rows=1, max_rows=6, **kwargs):
        self.columns = list(columns)
        self.column_fields = column_fields
        self.max_rows = max_rows
        kwargs.setdefault(
            "widget", RowsWidget(columns=columns, min_rows=min_rows, max_rows=max_rows)
        )
        super().__init__(**kwargs)

    def clean(self, value):
        rows = [row for row in (value or []) if isinstance(row, dict)]
        rows = [row for row in rows if any(not _is_blank(cell) for cell in row.values())]
        if len(rows) > self.max_rows:
            raise ValidationError(
                "Use no more than %(max)d rows (there are %(count)d).",
                code="too_many_rows",
                params={"max": self.max_rows, "count": len(rows)},
            )
        if self.required and not rows:
            raise ValidationError("Fill in at least one row.", code="required")
        errors, cleaned = [], []
        for number, row in enumerate(rows, start=1):
            cleaned_row = {}
            for column in self.columns:
                field = self.column_fields[column["name"]]
                try:
                    cleaned_row[column["name"]] = field.clean(row.get(column["name"], ""))
                except ValidationError as error:
                    for message in error.messages:
                        errors.append(f"Row {number}, {column['label']}: {message}")
            cleaned.append(cleaned_row)
        if errors:
            raise ValidationError(errors)
        return cleaned


class ViciousCircleField(forms.Field):
    """The five parts of the vicious circle, plus an optional alternative response."""

    def __init__(self, *, include_alternative=True, max_emotions=4, **kwargs):
        from worksheets.forms.widgets import EMOTION_COLUMNS

        self.include_alternative = include_alternative
        self.emotions = RowsField(
            columns=EMOTION_COLUMNS,
            column_fields={
                "emotion": forms.CharField(max_length=d.EMOTION_NAME_LIMIT, required=False),
                "intensity": forms.IntegerField(min_value=0, max_value=100, required=False),
            },
            max_rows=max_emotions,
            required=False,
        )
        kwargs.setdefault(
            "widget",
            ViciousCircleWidget(include_alternative=include_alternative, max_emotions=max_emotions),
        )
        super().__init__(**kwargs)

    def clean(self, value):
        value = value if isinstance(value, dict) else {}
        labels = dict(d.VICIOUS_CIRCLE_PARTS)
        text_parts = [key for key in labels if key != "emotions"]
        if self.include_alternative:
            text_parts.append(d.VICIOUS_CIRCLE_ALTERNATIVE[0])
            labels[d.VICIOUS_CIRCLE_ALTERNATIVE[0]] = d.VICIOUS_CIRCLE_ALTERNATIVE[1]
        errors, cleaned = [], {}
        for key in text_parts:
            text = str(value.get(key) or "").strip()
            if len(text) > d.VICIOUS_TEXT_LIMIT:
                errors.append(
                    f"{labels[key]}: keep this to {d.VICIOUS_TEXT_LIMIT} characters "
                    f"(it has {len(text)})."
                )
            cleaned[key] = text
        try:
            cleaned["emotions"] = self.emotions.clean(value.get("emotions"))
        except ValidationError as error:
            errors.extend(f"Emotions: {message}" for message in error.messages)
            cleaned["emotions"] = []
        for row in cleaned["emotions"]:
            if row.get("intensity") is not None and not row.get("emotion"):
                errors.append("Emotions: name the emotion you rated.")
                break
        if self.required and not errors:
            for key, label in d.VICIOUS_CIRCLE_PARTS:
                present = cleaned["emotions"] if key == "emotions" else cleaned[key]
                if not present:
                    errors.append(f"{label}: this part of the circle is required.")
        if errors:
            raise ValidationError(errors)
        if not self.required and not any(cleaned.values()):
            return None
        return cleaned
