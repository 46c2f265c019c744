"""The one form builder: every field type, validated on the server, with what was typed kept."""

import pytest
from django.http import QueryDict

from worksheets import definitions as d
from worksheets.blocks import WorksheetBodyBlock
from worksheets.forms.builder import build_worksheet_form
from worksheets.library import blocks as b

EVERY_TYPE = [
    b.heading("Part one"),
    b.guidance("Some help between questions."),
    b.short("Short", max_length=20),
    b.long("Long", max_length=50),
    b.single("Single", ["Yes", "No"]),
    b.multiple("Multiple", ["Red", "Green", "Blue"]),
    b.checklist("Checklist", ["Tea", "Coffee"], other="Something else"),
    b.likert("Likert", {1: "Never", 5: "Always"}, points=5),
    b.rating10("Rating ten", low="none", high="most"),
    b.rating100("Rating hundred"),
    b.number("Number", min_value=1, max_value=10, unit="sessions"),
    b.date("Date"),
    b.time("Time"),
    b.duration("Duration", max_hours=5),
    b.top("Top", ["A", "B", "C", "D"], pick=2),
    b.rows(
        "Rows",
        [b.column("Emotion"), b.column("Intensity", "rating_100"), b.column("When", "date")],
        max_rows=3,
    ),
    b.circle("Circle", max_emotions=2),
]

VALID = {
    "q-short": "Fine",
    "q-long": "A longer answer",
    "q-single": "Yes",
    "q-multiple": ["Red", "Blue"],
    "q-checklist": ["Coffee"],
    "q-checklist_other": "Water",
    "q-likert": "4",
    "q-rating_ten": "7",
    "q-rating_hundred": "65",
    "q-number": "3",
    "q-date": "2026-03-31",
    "q-time": "14:30",
    "q-duration_0": "1",
    "q-duration_1": "15",
    "q-top": ["A", "C"],
    "q-rows-0-emotion": "Sad",
    "q-rows-0-intensity": "40",
    "q-rows-0-when": "2026-03-30",
    "q-rows-1-emotion": "Calm",
    "q-rows-1-intensity": "",
    "q-rows-1-when": "",
    "q-circle-situation": "A meeting",
    "q-circle-thoughts": "They will see I am lost",
    "q-circle-emotions-0-emotion": "Anxious",
    "q-circle-emotions-0-intensity": "70",
    "q-circle-body": "Hot face",
    "q-circle-behaviours": "Stayed quiet",
    "q-circle-alternative": "Ask one question",
}


def definition_of(body):
    stream = WorksheetBodyBlock().to_python(body)
    d.assign_machine_names(stream)
    return d.freeze(stream)


DEFINITION = definition_of(EVERY_TYPE)


def post(changes=None, remove=()):
    data = {**VALID, **(changes or {})}
    for key in remove:
        data.pop(key, None)
    query = QueryDict(mutable=True)
    for key, value in data.items():
        query.setlist(key, value if isinstance(value, list) else [value])
    return build_worksheet_form(DEFINITION, data=query)


def test_valid_answers_become_typed_json():
    form = post()
    assert form.is_valid(), form.errors
    assert form.answers() == {
        "short": "Fine",
        "long": "A longer answer",
        "single": "Yes",
        "multiple": ["Red", "Blue"],
        "checklist": {"checked": ["Coffee"], "other": "Water"},
        "likert": 4,
        "rating_ten": 7,
        "rating_hundred": 65,
        "number": 3,
        "date": "2026-03-31",
        "time": "14:30",
        "duration": 75,
        "top": ["A", "C"],
        "rows": [
            {"emotion": "Sad", "intensity": 40, "when": "2026-03-30"},
            {"emotion": "Calm", "intensity": None, "when": None},
        ],
        "circle": {
            "situation": "A meeting",
            "thoughts": "They will see I am lost",
            "body": "Hot face",
            "behaviours": "Stayed quiet",
            "alternative": "Ask one question",
            "emotions": [{"emotion": "Anxious", "intensity": 70}],
        },
    }


@pytest.mark.parametrize(
    "field, changes, message",
    [
        ("short", {"q-short": "x" * 21}, "at most 20 characters"),
        ("long", {"q-long": "x" * 51}, "at most 50 characters"),
        ("single", {"q-single": "Maybe"}, "'Maybe' is not one of the options offered"),
        (
            "multiple",
            {"q-multiple": ["Red", "Purple"]},
            "'Purple' is not one of the options offered",
        ),
        ("checklist", {"q-checklist": ["Juice"]}, "'Juice' is not one of the items offered"),
        ("checklist", {"q-checklist_other": "x" * 201}, "Keep the 'other' answer to 200"),
        ("likert", {"q-likert": "6"}, "Choose a point from 1 to 5"),
        ("rating_ten", {"q-rating_ten": "11"}, "Choose a whole number from 0 to 10"),
        ("rating_ten", {"q-rating_ten": "-1"}, "Choose a whole number from 0 to 10"),
        ("rating_hundred", {"q-rating_hundred": "101"}, "from 0 to 100"),
        ("rating_hundred", {"q-rating_hundred": "lots"}, "from 0 to 100"),
        ("number", {"q-number": "11"}, "less than or equal to 10"),
        ("number", {"q-number": "2.5"}, "no more than 0 decimal places"),
        ("date", {"q-date": "31/02/2026"}, "Enter a date such as"),
        ("time", {"q-time": "25:00"}, "Enter a time such as"),
        ("duration", {"q-duration_0": "6"}, "no more than 5 hours"),
        ("duration", {"q-duration_1": "75"}, "Minutes go up to 59"),
        ("duration", {"q-duration_0": "one"}, "whole number of hours"),
        ("top", {"q-top": ["A", "B", "C"]}, "Pick no more than 2"),
        ("top", {"q-top": ["A"]}, "Pick 2 (you picked 1)"),
        ("rows", {"q-rows-0-intensity": "120"}, "Row 1, Intensity"),
        (
            "rows",
            {"q-rows-2-emotion": "Angry", "q-rows-3-emotion": "Tired"},
            "no more than 3 rows (there are 4)",
        ),
        ("circle", {"q-circle-emotions-0-intensity": "700"}, "Emotions: Row 1, Intensity (0-100)"),
        ("circle", {"q-circle-body": ""}, "Bodily reactions: this part of the circle is required"),
    ],
)
def test_bad_input_is_refused_beside_its_field_and_kept(field, changes, message):
    form = post(changes)
    assert not form.is_valid()
    assert message in " ".join(form.errors[field]), form.errors
    typed = form.typed_answers()[field]
    key = next(iter(changes))
    if field in ("rows", "circle"):
        assert any(str(changes[key]) in str(value) for value in _flatten(typed))
    # Typed text comes back in its box; a forged choice simply is not ticked.
    typed_text = changes[key]
    if (
        isinstance(typed_text, str)
        and typed_text
        and field not in ("single", "likert", "rating_ten")
    ):
        assert typed_text in str(form[field])


def _flatten(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _flatten(item)
    elif isinstance(value, list):
        for item in value:
            yield from _flatten(item)
    else:
        yield value


@pytest.mark.parametrize(
    "field, keys",
    [
        ("short", ["q-short"]),
        ("single", ["q-single"]),
        ("multiple", ["q-multiple"]),
        ("checklist", ["q-checklist", "q-checklist_other"]),
        ("likert", ["q-likert"]),
        ("rating_ten", ["q-rating_ten"]),
        ("rating_hundred", ["q-rating_hundred"]),
        ("date", ["q-date"]),
        ("duration", ["q-duration_0", "q-duration_1"]),
        ("top", ["q-top"]),
        ("rows", ["q-rows-0-emotion", "q-rows-0-intensity", "q-rows-0-when", "q-rows-1-emotion"]),
    ],
)
def test_missing_required_answers_are_refused(field, keys):
    form = post(remove=keys)
    assert not form.is_valid()
    assert field in form.errors


def test_optional_questions_may_stay_empty():
    definition = definition_of(
        [
            b.short("Short", required=False),
            b.rows("Rows", [b.column("A")], required=False),
            b.circle("Circle", required=False),
            b.checklist("List", ["A"], required=False),
        ]
    )
    form = build_worksheet_form(definition, data=QueryDict())
    assert form.is_valid(), form.errors
    assert form.answers() == {
        "short": "",
        "rows": [],
        "circle": None,
        "list": {"checked": [], "other": ""},
    }


def test_a_forged_field_name_is_refused_and_nothing_is_valid():
    form = post({"q-not_a_question": "sneaky", "q-rows-0-salary": "1"})
    assert not form.is_valid()
    message = " ".join(form.non_field_errors())
    assert "not on this worksheet" in message
    assert "q-not_a_question" in message and "q-rows-0-salary" in message


def test_an_other_answer_on_a_checklist_without_other_is_refused():
    definition = definition_of([b.checklist("List", ["A", "B"], other="")])
    query = QueryDict(mutable=True)
    query.setlist("q-list_other", ["sneaky"])
    form = build_worksheet_form(definition, data=query)
    assert not form.is_valid()
    assert "not on this worksheet" in " ".join(form.non_field_errors())


def test_a_required_checklist_is_answered_by_the_other_box_alone():
    form = post({"q-checklist": []})
    assert form.is_valid(), form.errors
    assert form.answers()["checklist"] == {"checked": [], "other": "Water"}


def test_typed_answers_keep_everything_even_when_invalid():
    form = post({"q-rating_ten": "eleven", "q-rows-0-intensity": "999"})
    typed = form.typed_answers()
    assert typed["rating_ten"] == "eleven"
    assert typed["rows"][0]["intensity"] == "999"
    assert typed["checklist"] == {"checked": ["Coffee"], "other": "Water"}
    assert typed["duration"] == ["1", "15"]


def test_typed_answers_render_back_into_the_form():
    typed = post({"q-rating_hundred": "eleven"}).typed_answers()
    html = build_worksheet_form(DEFINITION, initial=typed).as_div()
    for text in [
        'value="eleven"',
        "Water",
        "Sad",
        "A meeting",
        "Hot face",
        'value="15"',
        "2026-03-31",
    ]:
        assert text in html


def test_submitted_answers_render_back_into_the_form():
    form = post()
    assert form.is_valid()
    html = build_worksheet_form(DEFINITION, initial=form.answers()).as_div()
    assert 'value="14:30"' in html and 'value="65"' in html and "Stayed quiet" in html


def test_help_text_written_by_an_author_is_escaped():
    definition = definition_of([b.short("Q", help_text="<b>bold</b> & <script>x</script>")])
    html = str(build_worksheet_form(definition)["q"].help_text)
    assert "<script>" not in html and "&lt;script&gt;" in html


def test_groups_of_controls_are_fieldsets_with_legends():
    form = build_worksheet_form(DEFINITION)
    group_types = {
        "single",
        "multiple",
        "checklist",
        "likert",
        "rating_ten",
        "duration",
        "top",
        "rows",
        "circle",
    }
    for name in group_types:
        assert form[name].use_fieldset, name
    for name in {"short", "long", "rating_hundred", "number", "date", "time"}:
        assert not form[name].use_fieldset, name


def test_the_layout_keeps_headings_and_help_in_order():
    kinds = [item.kind for item in build_worksheet_form(DEFINITION).layout]
    assert kinds[:3] == ["heading", "guidance", "field"]
    assert len(kinds) == len(DEFINITION)


def test_an_unknown_field_type_is_an_error():
    with pytest.raises(ValueError, match="Unknown worksheet field type"):
        build_worksheet_form([{"type": "magic", "name": "x", "label": "X"}])
