"""Field definitions: the field types, the JSON a published version stores, and stable machine names.

A definition is a list of plain dicts, one per element of the worksheet, for example
``{"type": "rating_100", "name": "anxiety_before", "label": "...", "help_text": "", "required": true}``.
Display elements (headings, help text) have ``text`` instead of a name. Machine names are created
once from the first label and never change afterwards (the pattern of ``wagtail.contrib.forms``).
"""

import re

from wagtail.coreutils import safe_snake_case

HEADING = "heading"
GUIDANCE = "guidance"
SHORT_TEXT = "short_text"
LONG_TEXT = "long_text"
SINGLE_CHOICE = "single_choice"
MULTIPLE_CHOICE = "multiple_choice"
CHECKLIST = "checklist"
LIKERT = "likert"
RATING_10 = "rating_10"
RATING_100 = "rating_100"
NUMBER = "number"
DATE = "date"
TIME = "time"
DURATION = "duration"
TOP_CHOICES = "top_choices"
ROWS = "rows"
VICIOUS_CIRCLE = "vicious_circle"
# A statement rated on a questionnaire's rating range and counted towards one of its scales.
QUESTIONNAIRE_ITEM = "questionnaire_item"

DISPLAY_TYPES = frozenset({HEADING, GUIDANCE})
TYPE_LABELS = {
    HEADING: "Section heading",
    GUIDANCE: "Help text",
    SHORT_TEXT: "Short text",
    LONG_TEXT: "Long text",
    SINGLE_CHOICE: "Single choice",
    MULTIPLE_CHOICE: "Multiple choice",
    CHECKLIST: "Checklist",
    LIKERT: "Likert scale",
    RATING_10: "Rating 0-10",
    RATING_100: "Rating 0-100",
    NUMBER: "Number",
    DATE: "Date",
    TIME: "Time",
    DURATION: "Duration",
    TOP_CHOICES: "Pick the most important",
    ROWS: "Repeating group",
    VICIOUS_CIRCLE: "Vicious circle",
    QUESTIONNAIRE_ITEM: "Questionnaire item",
}

# What a column of a repeating group may hold: the simple, one-input answer types.
COLUMN_KINDS = (SHORT_TEXT, LONG_TEXT, NUMBER, RATING_10, RATING_100, DATE, TIME, SINGLE_CHOICE)
COLUMN_KIND_CHOICES = [(kind, TYPE_LABELS[kind]) for kind in COLUMN_KINDS]

# The five parts of the vicious circle, in the order the circle is usually walked through.
VICIOUS_CIRCLE_PARTS = (
    ("situation", "Situation"),
    ("thoughts", "Automatic thoughts"),
    ("emotions", "Emotions"),
    ("body", "Bodily reactions"),
    ("behaviours", "Behaviours"),
)
VICIOUS_CIRCLE_ALTERNATIVE = ("alternative", "Alternative response")
VICIOUS_TEXT_LIMIT = 2000
EMOTION_NAME_LIMIT = 80

LABEL_MAX_LENGTH = 300
ITEM_TEXT_LIMIT = 1000
CHOICE_MAX_LENGTH = 200
SHORT_TEXT_LIMIT = 1000
LONG_TEXT_LIMIT = 20000
LIKERT_MIN_POINTS = 2
LIKERT_MAX_POINTS = 11
ROWS_LIMIT = 20
ROWS_MAX_COLUMNS = 8
MACHINE_NAME_MAX_LENGTH = 50
MACHINE_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")


def is_answer(element: dict) -> bool:
    return element["type"] not in DISPLAY_TYPES


def answer_fields(definition: list[dict]) -> list[dict]:
    return [element for element in definition if is_answer(element)]


def freeze(body) -> list[dict]:
    """The definition of a template body (a StreamValue of worksheet blocks), as plain JSON data."""
    return [child.block.to_definition(child.value) for child in body]


def machine_name_from(label: str, taken: set[str], fallback: str = "question") -> str:
    base = safe_snake_case(label or "")[: MACHINE_NAME_MAX_LENGTH - 4].strip("_") or fallback
    if not base[0].isalpha():
        base = f"q_{base}"[: MACHINE_NAME_MAX_LENGTH - 4]
    name, counter = base, 2
    while name in taken:
        name = f"{base}_{counter}"
        counter += 1
    return name


def _is_valid_name(name) -> bool:
    return (
        isinstance(name, str)
        and len(name) <= MACHINE_NAME_MAX_LENGTH
        and bool(MACHINE_NAME_RE.match(name))
    )


def assign_names(
    items: list[tuple[str | None, object]], previous: dict[str, str], label_key: str = "label"
) -> None:
    """Give each (block id, struct value) a unique name; ids seen before keep their old name."""
    taken: set[str] = set()
    pending = []
    for block_id, value in items:
        old = previous.get(block_id) if block_id else None
        if _is_valid_name(old) and old not in taken:
            value["name"] = old
            taken.add(old)
        else:
            pending.append(value)
    for value in pending:
        proposed = value.get("name")
        if _is_valid_name(proposed) and proposed not in taken:
            name = proposed
        else:
            name = machine_name_from(value.get(label_key, ""), taken)
        value["name"] = name
        taken.add(name)


def previous_names(body) -> dict[str, str]:
    """Block id to machine name for every answer field and column of a stored body."""
    names: dict[str, str] = {}
    for child in body.raw_data if body is not None else []:
        value = child.get("value") or {}
        if not isinstance(value, dict):
            continue
        if child.get("id") and value.get("name"):
            names[child["id"]] = value["name"]
        for column in value.get("columns") or []:
            if isinstance(column, dict) and column.get("id"):
                column_value = column.get("value") or {}
                if column_value.get("name"):
                    names[column["id"]] = column_value["name"]
    return names


def assign_machine_names(body, previous: dict[str, str] | None = None) -> None:
    """Fill in missing machine names in a template body; a field saved before keeps its name."""
    previous = previous or {}
    answers = []
    for child in body:
        if child.block_type in DISPLAY_TYPES:
            continue
        answers.append((child.id, child.value))
        if child.block_type == ROWS:
            columns = child.value["columns"]
            assign_names([(bound.id, bound.value) for bound in columns.bound_blocks], previous)
    assign_names(answers, previous)


def answer_texts(value):
    """Every string inside a stored answer (a string, or lists and dicts of them), in order."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for part in value.values():
            yield from answer_texts(part)
    elif isinstance(value, list | tuple):
        for part in value:
            yield from answer_texts(part)
