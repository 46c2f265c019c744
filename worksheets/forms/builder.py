"""The one place that turns a worksheet definition into a Django form, dispatching on field type."""

import datetime
import decimal
from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.html import escape, format_html_join
from django.utils.safestring import mark_safe

from supervision.forms import RadioSelect
from worksheets import definitions as d
from worksheets.forms.fields import (
    ChecklistField,
    DurationField,
    RowsField,
    TopChoicesField,
    ViciousCircleField,
)
from worksheets.forms.widgets import ScaleRadioSelect, key_matcher
from worksheets.scoring.definitions import Questionnaire

# Keys an entry page posts besides the answers themselves.
CONTROL_KEYS = frozenset({"csrfmiddlewaretoken", "version", "session", "action", "reflection"})
ANSWER_PREFIX = "q"
COLUMN_TEXT_LIMITS = {d.SHORT_TEXT: 200, d.LONG_TEXT: 2000}


@dataclass(frozen=True)
class LayoutItem:
    """One element of the page in order: a heading, a piece of help text, or a question."""

    kind: str
    text: str = ""
    field: forms.BoundField | None = None

    @property
    def paragraphs(self) -> list[str]:
        return [part.strip() for part in self.text.split("\n\n") if part.strip()]


def jsonable(value):
    """Cleaned values as the JSON an entry stores: dates and times as text, numbers as numbers."""
    if isinstance(value, dict):
        return {key: jsonable(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [jsonable(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, datetime.time):
        return value.strftime("%H:%M")
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


class WorksheetForm(forms.Form):
    """A form for one worksheet definition. Build it with ``build_worksheet_form``."""

    definition: list[dict] = []
    # A questionnaire's scoring definition (``scoring.Questionnaire.to_dict()``), or None.
    questionnaire: dict | None = None

    def __init__(self, *args, allowed_keys=CONTROL_KEYS, **kwargs):
        kwargs.setdefault("prefix", ANSWER_PREFIX)
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        self.allowed_keys = allowed_keys

    @property
    def layout(self) -> list[LayoutItem]:
        items = []
        for element in self.definition:
            if element["type"] in d.DISPLAY_TYPES:
                items.append(LayoutItem(kind=element["type"], text=element["text"]))
            else:
                items.append(LayoutItem(kind="field", field=self[element["name"]]))
        return items

    def too_long(self) -> dict[str, str]:
        """Answers longer than their question takes, by name: what no save may store.

        Submitting checks each answer's limit; a draft keeps what was typed unvalidated, but never
        more than the same limits (issue 10: what is stored obeys the limits submit enforces).
        A text question has its own limit; the parts of repeating rows and of the vicious circle
        take at most ``d.VICIOUS_TEXT_LIMIT`` characters each.
        """
        problems = {}
        for name, value in self.typed_answers().items():
            field = self.fields[name]
            limit = getattr(field, "max_length", None) or d.VICIOUS_TEXT_LIMIT
            longest = max((len(text) for text in d.answer_texts(value)), default=0)
            if longest > limit:
                problems[name] = (
                    f"This answer is {longest:,} characters long; it can take at most {limit:,}. "
                    "Shorten it: it has not been saved."
                )
        return problems

    def unexpected_keys(self) -> list[str]:
        """Posted keys that belong to no question on this worksheet: forged or stale field names."""
        exact, patterns = set(self.allowed_keys), []
        for name, field in self.fields.items():
            keys, pattern = key_matcher(field.widget, self.add_prefix(name))
            exact |= keys
            if pattern is not None:
                patterns.append(pattern)
        return sorted(
            key
            for key in self.data
            if key not in exact and not any(pattern.match(key) for pattern in patterns)
        )

    def clean(self):
        unexpected = self.unexpected_keys()
        if unexpected:
            raise ValidationError(
                "The form sent answers to questions that are not on this worksheet (%(keys)s). "
                "Nothing was saved: reload the page and try again.",
                code="unexpected_fields",
                params={"keys": ", ".join(unexpected[:5])},
            )
        cleaned = super().clean()
        if self.questionnaire:
            self.check_scorable(cleaned)
        return cleaned

    def check_scorable(self, cleaned: dict) -> None:
        """Refuse answers that would leave the questionnaire without the scores it promises.

        With a total, the total must be scored (its allowance for missing items is how a rating
        form lets an item be left blank); without one, every scale must be scored.
        """
        questionnaire = Questionnaire.from_dict(self.questionnaire)
        unanswered = {
            item.machine_name
            for item in questionnaire.items
            if item.machine_name in self.fields and cleaned.get(item.machine_name) is None
        }
        if questionnaire.total is not None:
            over = len(unanswered) - questionnaire.total.max_missing
            groups = [(over, unanswered)] if over > 0 else []
        else:
            groups = []
            for scale in questionnaire.scales:
                missing = {i.machine_name for i in questionnaire.items_of(scale.name)} & unanswered
                if len(missing) > scale.max_missing:
                    groups.append((len(missing) - scale.max_missing, missing))
        if not groups:
            return
        needed = sum(count for count, _names in groups)
        for _count, names in groups:
            for name in sorted(names):
                if name not in self.errors:
                    self.add_error(name, "Please rate this statement.")
        allowed = (
            f"at most {questionnaire.total.max_missing} may be left out"
            if questionnaire.total is not None
            else "only a few may be left out, so that every part can be scored"
        )
        raise ValidationError(
            "Rate %(needed)s more of the statements marked below before submitting: %(allowed)s.",
            code="not_scorable",
            params={"needed": needed, "allowed": allowed},
        )

    def answers(self) -> dict:
        """The validated answers as JSON-ready data, keyed by machine name."""
        return {name: jsonable(self.cleaned_data.get(name)) for name in self.fields}

    def typed_answers(self) -> dict:
        """What was typed, unvalidated, in the same shape: kept for drafts so nothing is lost."""
        return {
            name: field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            for name, field in self.fields.items()
        }


class WorksheetFormBuilder:
    """Turns a definition into form fields by calling ``create_<type>_field`` for each question."""

    def __init__(self, definition: list[dict], questionnaire: dict | None = None):
        self.definition = definition
        self.questionnaire = questionnaire

    @property
    def formfields(self) -> dict[str, forms.Field]:
        return {
            element["name"]: self.create_field(element)
            for element in d.answer_fields(self.definition)
        }

    def get_form_class(self) -> type[WorksheetForm]:
        attrs = {
            **self.formfields,
            "definition": self.definition,
            "questionnaire": self.questionnaire,
        }
        return type("WorksheetForm", (WorksheetForm,), attrs)

    def create_field(self, element: dict) -> forms.Field:
        create = getattr(self, f"create_{element['type']}_field", None)
        if create is None:
            raise ValueError(f"Unknown worksheet field type: {element['type']!r}")
        options = {
            "label": element.get("label", ""),
            "help_text": self.help_text(element),
            "required": bool(element.get("required")),
        }
        return create(element, options)

    @staticmethod
    def help_text(element: dict, extra: str = "") -> str:
        # Help is written by template authors, so it is escaped here before the page shows it.
        parts = [element.get("help_text", ""), extra]
        if element["type"] in (d.RATING_10, d.RATING_100):
            top = 10 if element["type"] == d.RATING_10 else 100
            if element.get("low_label"):
                parts.append(f"0 means {element['low_label']}.")
            if element.get("high_label"):
                parts.append(f"{top} means {element['high_label']}.")
        return format_html_join(mark_safe("<br>"), "{}", ((escape(p),) for p in parts if p))

    def create_short_text_field(self, element, options):
        limit = element.get("max_length") or COLUMN_TEXT_LIMITS[d.SHORT_TEXT]
        return forms.CharField(max_length=limit, widget=forms.TextInput, **options)

    def create_long_text_field(self, element, options):
        limit = element.get("max_length") or COLUMN_TEXT_LIMITS[d.LONG_TEXT]
        return forms.CharField(
            max_length=limit, widget=forms.Textarea(attrs={"rows": 4}), **options
        )

    def create_single_choice_field(self, element, options):
        choices = [(choice, choice) for choice in element["choices"]]
        return forms.ChoiceField(
            choices=choices, widget=RadioSelect, error_messages=_not_offered(), **options
        )

    def create_multiple_choice_field(self, element, options):
        choices = [(choice, choice) for choice in element["choices"]]
        return forms.MultipleChoiceField(
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages=_not_offered(),
            **options,
        )

    def create_checklist_field(self, element, options):
        return ChecklistField(
            items=element["items"],
            allow_other=element.get("allow_other", False),
            other_label=element.get("other_label") or "Other",
            **options,
        )

    def create_likert_field(self, element, options):
        anchors = {anchor["point"]: anchor["text"] for anchor in element.get("anchors", [])}
        choices = [
            (point, f"{point} {anchors[point]}" if point in anchors else str(point))
            for point in range(1, element["points"] + 1)
        ]
        return forms.TypedChoiceField(
            choices=choices,
            coerce=int,
            empty_value=None,
            widget=ScaleRadioSelect,
            error_messages={"invalid_choice": f"Choose a point from 1 to {element['points']}."},
            **options,
        )

    def create_questionnaire_item_field(self, element, options):
        anchors = {anchor["point"]: anchor["text"] for anchor in element.get("anchors", [])}
        low, high = element["minimum"], element["maximum"]
        choices = [
            (point, f"{point} {anchors[point]}" if point in anchors else str(point))
            for point in range(low, high + 1)
        ]
        field = forms.TypedChoiceField(
            choices=choices,
            coerce=int,
            empty_value=None,
            widget=ScaleRadioSelect(attrs={"class": "scale scale--anchored"}),
            error_messages={"invalid_choice": f"Choose a point from {low} to {high}."},
            **options,
        )
        # Not marked "(optional)": the instructions say how many may be left out, and submitting
        # asks for the ones a score needs.
        field.optional_by_design = True
        return field

    def create_rating_10_field(self, element, options):
        return forms.TypedChoiceField(
            choices=[(point, str(point)) for point in range(11)],
            coerce=int,
            empty_value=None,
            widget=ScaleRadioSelect,
            error_messages={"invalid_choice": "Choose a whole number from 0 to 10."},
            **options,
        )

    def create_rating_100_field(self, element, options):
        message = "Enter a whole number from 0 to 100."
        return forms.IntegerField(
            min_value=0,
            max_value=100,
            widget=forms.NumberInput(attrs={"inputmode": "numeric", "step": 1}),
            error_messages={"invalid": message, "min_value": message, "max_value": message},
            **options,
        )

    def create_number_field(self, element, options):
        places = element.get("decimal_places") or 0
        low, high = element.get("min_value"), element.get("max_value")
        unit = element.get("unit") or ""
        if low is not None and high is not None:
            bounds = f"Between {_number(low)} and {_number(high)}"
        elif low is not None:
            bounds = f"At least {_number(low)}"
        elif high is not None:
            bounds = f"At most {_number(high)}"
        else:
            bounds = ""
        extra = " ".join(part for part in (bounds, unit) if part)
        options["help_text"] = self.help_text(element, f"{extra}." if extra else "")
        return forms.DecimalField(
            max_digits=15,
            decimal_places=places,
            min_value=decimal.Decimal(str(low)) if low is not None else None,
            max_value=decimal.Decimal(str(high)) if high is not None else None,
            widget=forms.NumberInput(
                attrs={
                    "inputmode": "decimal" if places else "numeric",
                    "step": "any" if places else 1,
                }
            ),
            **options,
        )

    def create_date_field(self, element, options):
        return forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            error_messages={"invalid": "Enter a date such as 2026-03-31."},
            **options,
        )

    def create_time_field(self, element, options):
        return forms.TimeField(
            widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
            error_messages={"invalid": "Enter a time such as 14:30."},
            **options,
        )

    def create_duration_field(self, element, options):
        return DurationField(max_hours=element.get("max_hours") or 24, **options)

    def create_top_choices_field(self, element, options):
        choices = [(choice, choice) for choice in element["choices"]]
        pick = min(element["pick"], len(choices))
        options["help_text"] = self.help_text(element, f"Pick {pick}.")
        return TopChoicesField(
            pick=pick,
            choices=choices,
            widget=forms.CheckboxSelectMultiple,
            error_messages=_not_offered(),
            **options,
        )

    def create_rows_field(self, element, options):
        column_fields = {
            column["name"]: self.create_column_field(column) for column in element["columns"]
        }
        return RowsField(
            columns=element["columns"],
            column_fields=column_fields,
            min_rows=element.get("min_rows", 1),
            max_rows=element.get("max_rows", 6),
            **options,
        )

    def create_column_field(self, column: dict) -> forms.Field:
        element = {
            "type": column["kind"],
            "name": column["name"],
            "label": column["label"],
            "required": False,
            "max_length": COLUMN_TEXT_LIMITS.get(column["kind"]),
            "choices": column.get("choices", []),
        }
        return self.create_field(element)

    def create_vicious_circle_field(self, element, options):
        return ViciousCircleField(
            include_alternative=element.get("include_alternative", True),
            max_emotions=element.get("max_emotions", 4),
            **options,
        )


def _not_offered() -> dict:
    return {"invalid_choice": "'%(value)s' is not one of the options offered."}


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def build_worksheet_form(
    definition: list[dict], questionnaire: dict | None = None, **kwargs
) -> WorksheetForm:
    """The form for a definition; a questionnaire's scoring definition adds its completeness rule."""
    return WorksheetFormBuilder(definition, questionnaire).get_form_class()(**kwargs)
