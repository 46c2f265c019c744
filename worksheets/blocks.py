"""StreamField blocks with which course staff and supervisors build worksheet templates in Wagtail.

Each answer block turns its value into a plain field definition (`to_definition`); a published
version stores those definitions as JSON, and the form builder reads only the definitions.
"""

from django import forms
from django.core.exceptions import ValidationError
from wagtail import blocks

from worksheets import definitions as d

MACHINE_NAME_HELP = (
    "Set automatically from the first label and never changed afterwards, so answers already "
    "given stay readable when you reword the question."
)


class MachineNameBlock(blocks.FieldBlock):
    """The stable machine name of a field; shown read-only, filled in when the template is saved."""

    def __init__(self, required=False, help_text=MACHINE_NAME_HELP, **kwargs):
        self.field = forms.CharField(
            required=required,
            max_length=d.MACHINE_NAME_MAX_LENGTH,
            help_text=help_text,
            widget=forms.TextInput(attrs={"readonly": "readonly"}),
        )
        super().__init__(**kwargs)

    def get_searchable_content(self, value):
        return []


def _lines(value) -> list[str]:
    return [str(item).strip() for item in value or [] if str(item).strip()]


def _require_distinct(errors: dict, key: str, items: list[str], minimum: int = 2) -> None:
    if len(items) < minimum:
        errors[key] = ValidationError(f"Give at least {minimum} options.")
    elif len({item.casefold() for item in items}) != len(items):
        errors[key] = ValidationError("Each option must be different.")


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=200, label="Heading")

    class Meta:
        icon = "title"
        label = "Section heading"

    def to_definition(self, value) -> dict:
        return {"type": d.HEADING, "text": value["text"].strip()}


class GuidanceBlock(blocks.StructBlock):
    text = blocks.TextBlock(
        label="Text", help_text="Shown between questions; blank lines start a new paragraph."
    )

    class Meta:
        icon = "help"
        label = "Help text"

    def to_definition(self, value) -> dict:
        return {"type": d.GUIDANCE, "text": value["text"].strip()}


class AnswerBlock(blocks.StructBlock):
    """What every answer field has: a label, optional help, whether it is required, a machine name."""

    field_type = ""
    label = blocks.CharBlock(max_length=d.LABEL_MAX_LENGTH, label="Question")
    help_text = blocks.TextBlock(required=False, label="Help text", rows=2)
    required = blocks.BooleanBlock(required=False, default=True, label="An answer is required")
    name = MachineNameBlock(label="Machine name")

    class Meta:
        icon = "form"

    def options(self, value) -> dict:
        return {}

    def to_definition(self, value) -> dict:
        return {
            "type": self.field_type,
            "name": value.get("name") or "",
            "label": value["label"].strip(),
            "help_text": (value.get("help_text") or "").strip(),
            "required": bool(value.get("required")),
            **self.options(value),
        }

    def clean(self, value):
        value = super().clean(value)
        errors = self.option_errors(value)
        if errors:
            raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def option_errors(self, value) -> dict:
        return {}


class ShortTextBlock(AnswerBlock):
    field_type = d.SHORT_TEXT
    max_length = blocks.IntegerBlock(
        default=200, min_value=1, max_value=d.SHORT_TEXT_LIMIT, label="Longest answer (characters)"
    )

    class Meta:
        icon = "pilcrow"
        label = "Short text"

    def options(self, value):
        return {"max_length": value["max_length"]}


class LongTextBlock(AnswerBlock):
    field_type = d.LONG_TEXT
    max_length = blocks.IntegerBlock(
        default=4000, min_value=1, max_value=d.LONG_TEXT_LIMIT, label="Longest answer (characters)"
    )

    class Meta:
        icon = "doc-full"
        label = "Long text"

    def options(self, value):
        return {"max_length": value["max_length"]}


class ChoicesMixin:
    def choice_list(self, value) -> list[str]:
        return _lines(value.get("choices"))

    def option_errors(self, value):
        errors = {}
        _require_distinct(errors, "choices", self.choice_list(value))
        return errors

    def options(self, value):
        return {"choices": self.choice_list(value)}


def choices_block():
    return blocks.ListBlock(
        blocks.CharBlock(max_length=d.CHOICE_MAX_LENGTH, label="Option"), label="Options", min_num=1
    )


class SingleChoiceBlock(ChoicesMixin, AnswerBlock):
    field_type = d.SINGLE_CHOICE
    choices = choices_block()

    class Meta:
        icon = "radio-full"
        label = "Single choice"


class MultipleChoiceBlock(ChoicesMixin, AnswerBlock):
    field_type = d.MULTIPLE_CHOICE
    choices = choices_block()

    class Meta:
        icon = "list-ul"
        label = "Multiple choice"


class ChecklistBlock(AnswerBlock):
    field_type = d.CHECKLIST
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=d.CHOICE_MAX_LENGTH, label="Item"), label="Items", min_num=1
    )
    allow_other = blocks.BooleanBlock(
        required=False, default=True, label="Offer an 'other' box for anything not listed"
    )
    other_label = blocks.CharBlock(
        max_length=80, required=False, default="Other", label="Label of the 'other' box"
    )

    class Meta:
        icon = "tasks"
        label = "Checklist"

    def option_errors(self, value):
        errors = {}
        _require_distinct(errors, "items", _lines(value.get("items")), minimum=1)
        return errors

    def options(self, value):
        return {
            "items": _lines(value.get("items")),
            "allow_other": bool(value.get("allow_other")),
            "other_label": (value.get("other_label") or "Other").strip(),
        }


class AnchorBlock(blocks.StructBlock):
    point = blocks.IntegerBlock(min_value=1, max_value=d.LIKERT_MAX_POINTS, label="Point")
    text = blocks.CharBlock(max_length=80, label="Label")


class LikertBlock(AnswerBlock):
    field_type = d.LIKERT
    points = blocks.IntegerBlock(
        default=5,
        min_value=d.LIKERT_MIN_POINTS,
        max_value=d.LIKERT_MAX_POINTS,
        label="Number of points",
    )
    anchors = blocks.ListBlock(
        AnchorBlock(),
        label="Labelled anchors",
        help_text="For example 1 = 'Not at all true of me', 5 = 'Completely true of me'.",
    )

    class Meta:
        icon = "list-ol"
        label = "Likert scale"

    def option_errors(self, value):
        points = value.get("points") or 0
        seen = set()
        for anchor in value.get("anchors") or []:
            if anchor["point"] > points:
                return {"anchors": ValidationError(f"Anchors must be between 1 and {points}.")}
            if anchor["point"] in seen:
                return {"anchors": ValidationError("Each point can have only one label.")}
            seen.add(anchor["point"])
        return {}

    def options(self, value):
        anchors = sorted(
            ({"point": a["point"], "text": a["text"].strip()} for a in value.get("anchors") or []),
            key=lambda a: a["point"],
        )
        return {"points": value["points"], "anchors": anchors}


class RatingBlock(AnswerBlock):
    low_label = blocks.CharBlock(
        max_length=80, required=False, label="What the lowest number means"
    )
    high_label = blocks.CharBlock(
        max_length=80, required=False, label="What the highest number means"
    )

    def options(self, value):
        return {
            "low_label": (value.get("low_label") or "").strip(),
            "high_label": (value.get("high_label") or "").strip(),
        }


class Rating10Block(RatingBlock):
    field_type = d.RATING_10

    class Meta:
        icon = "order"
        label = "Rating 0-10"


class Rating100Block(RatingBlock):
    field_type = d.RATING_100

    class Meta:
        icon = "order"
        label = "Rating 0-100"


class NumberBlock(AnswerBlock):
    field_type = d.NUMBER
    min_value = blocks.FloatBlock(required=False, label="Smallest allowed")
    max_value = blocks.FloatBlock(required=False, label="Largest allowed")
    decimal_places = blocks.IntegerBlock(
        default=0, min_value=0, max_value=4, label="Decimal places"
    )
    unit = blocks.CharBlock(
        max_length=40,
        required=False,
        label="Unit",
        help_text="For example 'minutes' or 'sessions'.",
    )

    class Meta:
        icon = "decimal"
        label = "Number"

    def option_errors(self, value):
        low, high = value.get("min_value"), value.get("max_value")
        if low is not None and high is not None and low > high:
            return {
                "max_value": ValidationError("The largest value must not be below the smallest.")
            }
        return {}

    def options(self, value):
        return {
            "min_value": value.get("min_value"),
            "max_value": value.get("max_value"),
            "decimal_places": value.get("decimal_places") or 0,
            "unit": (value.get("unit") or "").strip(),
        }


class DateBlock(AnswerBlock):
    field_type = d.DATE

    class Meta:
        icon = "date"
        label = "Date"


class TimeBlock(AnswerBlock):
    field_type = d.TIME

    class Meta:
        icon = "time"
        label = "Time"


class DurationBlock(AnswerBlock):
    field_type = d.DURATION
    max_hours = blocks.IntegerBlock(
        default=24, min_value=1, max_value=999, label="Most hours allowed"
    )

    class Meta:
        icon = "history"
        label = "Duration"

    def options(self, value):
        return {"max_hours": value["max_hours"]}


class TopChoicesBlock(ChoicesMixin, AnswerBlock):
    field_type = d.TOP_CHOICES
    choices = choices_block()
    pick = blocks.IntegerBlock(default=3, min_value=1, max_value=20, label="How many to pick")

    class Meta:
        icon = "pick"
        label = "Pick the N most important"

    def option_errors(self, value):
        errors = super().option_errors(value)
        if not errors and value["pick"] > len(self.choice_list(value)):
            errors["pick"] = ValidationError(
                "There must be at least as many options as answers to pick."
            )
        return errors

    def options(self, value):
        return {**super().options(value), "pick": value["pick"]}


class ColumnBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=d.LABEL_MAX_LENGTH, label="Column")
    kind = blocks.ChoiceBlock(
        choices=d.COLUMN_KIND_CHOICES, default=d.SHORT_TEXT, label="Kind of answer"
    )
    choices = blocks.TextBlock(
        required=False,
        rows=3,
        label="Options (for a choice column)",
        help_text="One option per line.",
    )
    name = MachineNameBlock(label="Machine name")

    def clean(self, value):
        value = super().clean(value)
        if value["kind"] == d.SINGLE_CHOICE:
            errors = {}
            _require_distinct(errors, "choices", _lines((value.get("choices") or "").splitlines()))
            if errors:
                raise blocks.StructBlockValidationError(block_errors=errors)
        return value

    def to_definition(self, value) -> dict:
        column = {
            "name": value.get("name") or "",
            "label": value["label"].strip(),
            "kind": value["kind"],
        }
        if value["kind"] == d.SINGLE_CHOICE:
            column["choices"] = _lines((value.get("choices") or "").splitlines())
        return column


class RepeatingGroupBlock(AnswerBlock):
    field_type = d.ROWS
    columns = blocks.ListBlock(
        ColumnBlock(), min_num=1, max_num=d.ROWS_MAX_COLUMNS, label="Columns"
    )
    min_rows = blocks.IntegerBlock(
        default=1, min_value=1, max_value=d.ROWS_LIMIT, label="Rows shown at first"
    )
    max_rows = blocks.IntegerBlock(
        default=6, min_value=1, max_value=d.ROWS_LIMIT, label="Most rows allowed"
    )

    class Meta:
        icon = "table"
        label = "Repeating group (rows)"

    def option_errors(self, value):
        errors = {}
        if value["min_rows"] > value["max_rows"]:
            errors["max_rows"] = ValidationError(
                "Allow at least as many rows as are shown at first."
            )
        labels = [column["label"].strip().casefold() for column in value.get("columns") or []]
        if len(set(labels)) != len(labels):
            errors["columns"] = ValidationError("Each column needs its own label.")
        return errors

    def options(self, value):
        return {
            "columns": [
                self.child_blocks["columns"].child_block.to_definition(c) for c in value["columns"]
            ],
            "min_rows": value["min_rows"],
            "max_rows": value["max_rows"],
        }


class ViciousCircleBlock(AnswerBlock):
    field_type = d.VICIOUS_CIRCLE
    include_alternative = blocks.BooleanBlock(
        required=False, default=True, label="Ask for an alternative response"
    )
    max_emotions = blocks.IntegerBlock(
        default=4, min_value=1, max_value=10, label="Most emotions listed"
    )

    class Meta:
        icon = "resubmit"
        label = "Vicious circle"

    def options(self, value):
        return {
            "include_alternative": bool(value.get("include_alternative")),
            "max_emotions": value["max_emotions"],
        }


class QuestionnaireItemBlock(blocks.StructBlock):
    """A statement of a questionnaire, rated on the range set under Scoring and counted to one scale.

    Items are never required by the form: each scale says how many of its items may be left out.
    """

    # As long as an imported item may be (licensed instruments have long statements).
    label = blocks.TextBlock(max_length=d.ITEM_TEXT_LIMIT, rows=2, label="Statement")
    help_text = blocks.TextBlock(required=False, label="Help text", rows=2)
    scale = blocks.CharBlock(
        max_length=200,
        label="Scale",
        help_text="The scale this statement counts towards: its title or machine name, as under Scoring.",
    )
    reverse_keyed = blocks.BooleanBlock(
        required=False,
        default=False,
        label="Reverse-keyed",
        help_text="Counted the other way round: on 1-6, an answer of 1 counts as 6.",
    )
    name = MachineNameBlock(label="Machine name")

    class Meta:
        icon = "list-ol"
        label = "Questionnaire item"

    def to_definition(self, value) -> dict:
        return {
            "type": d.QUESTIONNAIRE_ITEM,
            "name": value.get("name") or "",
            "label": " ".join(value["label"].split()),
            "help_text": (value.get("help_text") or "").strip(),
            "required": False,
            "scale": (value.get("scale") or "").strip(),
            "reverse_keyed": bool(value.get("reverse_keyed")),
        }


class WorksheetBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    guidance = GuidanceBlock()
    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    checklist = ChecklistBlock()
    likert = LikertBlock()
    rating_10 = Rating10Block()
    rating_100 = Rating100Block()
    number = NumberBlock()
    date = DateBlock()
    time = TimeBlock()
    duration = DurationBlock()
    top_choices = TopChoicesBlock()
    rows = RepeatingGroupBlock()
    vicious_circle = ViciousCircleBlock()
    questionnaire_item = QuestionnaireItemBlock()
