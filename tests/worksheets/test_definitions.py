"""Machine names are created once from the label and never change; definitions are frozen as JSON."""

import json

import pytest
from django.core.exceptions import ValidationError

from worksheets import definitions as d
from worksheets.blocks import WorksheetBodyBlock
from worksheets.library import blocks as b
from worksheets.models import WorksheetTemplate

pytestmark = pytest.mark.django_db


def names(template):
    return [field["name"] for field in d.answer_fields(d.freeze(template.body))]


def test_names_come_from_labels_and_stay_unique(make_template):
    template = make_template(
        [b.short("What happened?"), b.short("What happened?"), b.short("2 things I noticed")]
    )
    assert names(template) == ["what_happened", "what_happened_2", "q_2_things_i_noticed"]


def test_editing_a_label_keeps_the_machine_name(make_template):
    template = make_template([b.short("How did it go?"), b.rating10("How tense was I?")])
    draft = template.get_latest_revision_as_object()
    draft.body[0].value["label"] = "How did the session go, in a sentence?"
    draft.body[0].value["name"] = ""  # as if the editor cleared the read-only box
    draft.full_clean()
    draft.save_revision()
    edited = WorksheetTemplate.objects.get(pk=template.pk).get_latest_revision_as_object()
    assert names(edited) == ["how_did_it_go", "how_tense_was_i"]
    assert edited.body[0].value["label"] == "How did the session go, in a sentence?"


def test_a_forged_machine_name_is_put_back(make_template):
    template = make_template([b.short("How did it go?")])
    draft = template.get_latest_revision_as_object()
    draft.body[0].value["name"] = "something_else"
    draft.full_clean()
    assert names(draft) == ["how_did_it_go"]


def test_a_duplicated_block_gets_its_own_name(make_template):
    template = make_template([b.short("How did it go?")])
    draft = template.get_latest_revision_as_object()
    raw = list(draft.body.raw_data)
    copy = {"type": raw[0]["type"], "value": dict(raw[0]["value"]), "id": "a-new-block-id"}
    draft.body = [*raw, copy]
    draft.full_clean()
    assert names(draft) == ["how_did_it_go", "how_did_it_go_2"]


def test_columns_of_a_repeating_group_get_stable_names(make_template):
    template = make_template(
        [b.rows("Emotions", [b.column("Emotion"), b.column("How strong (0-100)", "rating_100")])]
    )
    columns = d.answer_fields(d.freeze(template.body))[0]["columns"]
    assert [c["name"] for c in columns] == ["emotion", "how_strong_0_100"]
    draft = template.get_latest_revision_as_object()
    draft.body[0].value["columns"][1]["label"] = "Intensity"
    draft.full_clean()
    draft.save_revision()
    edited = WorksheetTemplate.objects.get(pk=template.pk).get_latest_revision_as_object()
    columns = d.answer_fields(d.freeze(edited.body))[0]["columns"]
    assert [(c["name"], c["label"]) for c in columns] == [
        ("emotion", "Emotion"),
        ("how_strong_0_100", "Intensity"),
    ]


def test_a_worksheet_needs_a_question(make_template):
    with pytest.raises(ValidationError, match="at least one question"):
        make_template([b.heading("Only a heading")])


@pytest.mark.parametrize(
    "block, message",
    [
        (b.single("Pick", ["Same", "same"]), "must be different"),
        (b.top("Pick", ["A", "B"], pick=3), "at least as many options"),
        (b.likert("Rate", {7: "Too far"}, points=5), "between 1 and 5"),
        (b.number("Count", min_value=5, max_value=1), "must not be below"),
        (b.rows("Rows", [b.column("A")], min_rows=4, max_rows=2), "at least as many rows"),
        (b.rows("Rows", [b.column("A"), b.column("a")]), "its own label"),
        (b.rows("Rows", [b.column("Pick", "single_choice", ["Only one"])]), "at least 2 options"),
    ],
)
def test_block_settings_are_checked(block, message):
    body_block = WorksheetBodyBlock()
    with pytest.raises(ValidationError) as error:
        body_block.clean(body_block.to_python([block]))
    assert message in json.dumps(error.value.as_json_data())


def test_freeze_gives_plain_json_for_every_type(make_template):
    from tests.worksheets.forms.test_builder import EVERY_TYPE

    template = make_template(EVERY_TYPE)
    definition = d.freeze(template.body)
    types = {element["type"] for element in definition}
    # Questionnaire items freeze with their questionnaire: tests/questionnaires/test_templates.py.
    assert types == set(d.TYPE_LABELS) - {d.QUESTIONNAIRE_ITEM}
    assert json.loads(json.dumps(definition)) == definition
