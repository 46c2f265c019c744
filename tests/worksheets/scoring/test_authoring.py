"""Questionnaires as worksheet templates: frozen with their scoring, refused on publish when unscorable."""

from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield

from tests.worksheets.conftest import SMALL_BODY
from tests.worksheets.scoring.factories import (
    administer,
    make_questionnaire,
    questionnaire_template,
)
from worksheets import definitions as d
from worksheets.library.questionnaires import HOMEWORK_BELIEFS, as_template, bundled_questionnaire
from worksheets.models import TemplateVersion, WorksheetTemplate
from worksheets.scoring.authoring import read_questionnaire
from worksheets.scoring.definitions import Band, Scale
from worksheets.services.templates import template_version_publish, worksheet_template_create

pytestmark = pytest.mark.django_db


def test_shown_scale_by_scale_the_items_sit_under_a_heading_for_each_group():
    template = questionnaire_template(bundled_questionnaire(HOMEWORK_BELIEFS))
    definition = template.versions.get().definition
    headings = [e["text"] for e in definition if e["type"] == d.HEADING]
    assert headings == ["My patient", "Myself", "The homework"]
    first_item_after = {}
    current = None
    for element in definition:
        if element["type"] == d.HEADING:
            current = element["text"]
        elif element["type"] == d.QUESTIONNAIRE_ITEM:
            first_item_after.setdefault(current, element["scale"])
    assert first_item_after == {
        "My patient": "patient_aggressor",
        "Myself": "self_victim",
        "The homework": "homework_hopeless",
    }


def test_a_plain_worksheet_has_no_questionnaire():
    template = worksheet_template_create(title="Plain", body=SMALL_BODY, publish=True)
    version = template.versions.get()
    assert version.questionnaire is None and not version.is_questionnaire
    assert version.questionnaire_key == ""


def _spec(questionnaire):
    return as_template(questionnaire, topic="self_knowledge")


def _create(questionnaire, *, scoring=None, body=None, publish=True):
    spec = _spec(questionnaire)
    return worksheet_template_create(
        title=spec["title"],
        body=body if body is not None else spec["body"],
        scoring=scoring if scoring is not None else spec["scoring"],
        publish=publish,
    )


def _with_scale(questionnaire, index, **changes):
    scales = list(questionnaire.scales)
    scales[index] = replace(scales[index], **changes)
    return replace(questionnaire, scales=tuple(scales))


@pytest.mark.parametrize(
    "change, message",
    [
        (
            lambda q: replace(
                q, scales=(*q.scales, Scale("empty", "Empty", bands=q.scales[0].bands))
            ),
            "Scale 'Empty' has no items; every scale needs at least one.",
        ),
        (
            lambda q: _with_scale(
                q, 0, bands=(Band("low", "1", "2.6", "a"), Band("high", "2.5", "5", "b"))
            ),
            "Scale 'Worry': the bands 'low' (1 to 2.6) and 'high' (2.5 to 5) overlap; a score "
            "of 2.5 would fall in both.",
        ),
        (
            lambda q: _with_scale(q, 1, bands=(Band("low", 3, 7, "a"), Band("high", 9, 15, "b"))),
            "Scale 'Drive': there is a gap between the bands 'low' (3 to 7) and 'high' (9 to 15); "
            "scores from 8 to 8 fall in no band.",
        ),
    ],
    ids=["scale-without-items", "overlapping-bands", "gap-between-bands"],
)
def test_publishing_an_unscorable_questionnaire_is_refused_with_a_clear_message(change, message):
    broken = change(make_questionnaire())
    with pytest.raises(ValidationError) as refused:
        _create(broken)
    assert message in refused.value.messages
    assert not TemplateVersion.objects.exists()
    # The same questionnaire saves fine as a draft, to be finished later.
    draft = _create(broken, publish=False)
    assert not draft.live and not draft.versions.exists()
    with pytest.raises(ValidationError):
        template_version_publish(template=draft)


def test_items_without_a_rating_range_or_with_an_unknown_scale_are_refused():
    spec = _spec(make_questionnaire())
    body = [*spec["body"]]
    body[0] = {**body[0], "value": {**body[0]["value"], "scale": "no such scale"}}
    with pytest.raises(ValidationError) as refused:
        _create(make_questionnaire(), body=body)
    assert (
        "Item 1 ('w1') belongs to the scale 'no such scale', which does not exist."
        in refused.value.messages
    )
    with pytest.raises(ValidationError) as refused:
        _create(
            make_questionnaire(),
            scoring=[b for b in spec["scoring"] if b["type"] != "rating_range"],
        )
    assert refused.value.messages[0].startswith("Questionnaire items need a rating range")


def test_items_are_named_after_their_scale_and_scales_keep_their_names_when_renamed():
    spec = _spec(make_questionnaire())
    body = [
        {**block, "value": {**block["value"], "name": ""}}
        for block in spec["body"]
        if block["value"]["scale"] == "worry"
    ] + [
        {**block, "value": {**block["value"], "name": "", "scale": "Drive"}}
        for block in spec["body"]
        if block["value"]["scale"] == "drive"
    ]
    scoring = [
        {**block, "value": {**block["value"], "name": ""}} if block["type"] == "scale" else block
        for block in spec["scoring"]
    ]
    template = _create(make_questionnaire(), body=body, scoring=scoring)
    version = template.versions.get()
    names = [e["name"] for e in version.definition]
    assert names == ["worry_1", "worry_2", "worry_3", "worry_4", "drive_1", "drive_2", "drive_3"]
    assert [s["name"] for s in version.questionnaire["scales"]] == ["worry", "drive"]
    # Items may name their scale by title: "Drive" became the scale's machine name.
    assert {e["scale"] for e in version.definition[4:]} == {"drive"}

    draft = template.get_latest_revision_as_object()
    draft.scoring[1].value["title"] = "Worrying a lot"
    draft.full_clean()
    assert draft.scoring[1].value["name"] == "worry"


def test_later_edits_of_the_questionnaire_never_change_a_past_result(supervisee):
    template = questionnaire_template()
    entry = administer(supervisee, template.versions.get())
    before = dict(entry.result)
    assert before["scales"][0]["band"]["label"] == "moderate"

    changed = _with_scale(
        make_questionnaire(),
        0,
        title="Worry, renamed",
        bands=(Band("calm", 1, "3.99", "x"), Band("busy", 4, 5, "y")),
    )
    draft = template.get_latest_revision_as_object()
    draft.scoring = _spec(changed)["scoring"]
    revision = draft.save_revision()
    revision.publish()
    assert template.versions.count() == 2
    entry.refresh_from_db()
    assert entry.result == before
    assert entry.template_version.number == 1


# --- Publishing in the Wagtail admin: each problem beside the block it concerns --------------

ADD = "wagtailsnippets_worksheets_worksheettemplate:add"


def listblock(values):
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(values)
    }
    data["count"] = str(len(values))
    return data


def band(label, low, high):
    return {"label": label, "minimum": low, "maximum": high, "interpretation": f"{label} reading"}


def scale(title, bands):
    return {
        "title": title,
        "description": "",
        "method": "mean",
        "max_missing": "0",
        "bands": listblock(bands),
        "reflection_prompt": "",
        "group": "",
        "name": "",
    }


def form_data(*, scales, publish):
    data = nested_form_data(
        {
            "title": "Worry check",
            "topic": "self_knowledge",
            "introduction": "Rate each statement.",
            "body": streamfield(
                [
                    (
                        "questionnaire_item",
                        {"label": "I worry", "help_text": "", "scale": "Worry", "name": ""},
                    ),
                    (
                        "questionnaire_item",
                        {"label": "I fret", "help_text": "", "scale": "worry", "name": ""},
                    ),
                ]
            ),
            "scoring": streamfield(
                [
                    (
                        "rating_range",
                        {
                            "minimum": "1",
                            "maximum": "5",
                            "anchors": listblock(
                                [
                                    {"value": "1", "label": "Never"},
                                    {"value": "5", "label": "Always"},
                                ]
                            ),
                            "presentation": "mixed",
                            "notice": "",
                        },
                    ),
                    *[("scale", value) for value in scales],
                ]
            ),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


GOOD_BANDS = [band("Low", "1", "2.99"), band("High", "3", "5")]


def test_course_staff_publish_a_questionnaire_written_in_the_admin(client, course_editor):
    client.force_login(course_editor)
    response = client.post(
        reverse(ADD), form_data(scales=[scale("Worry", GOOD_BANDS)], publish=True)
    )
    assert response.status_code == 302
    template = WorksheetTemplate.objects.get(title="Worry check")
    version = template.versions.get()
    assert [e["name"] for e in version.definition] == ["worry_1", "worry_2"]
    assert version.questionnaire["scales"][0]["name"] == "worry"
    assert version.questionnaire["likert"]["anchors"] == [
        {"value": 1, "label": "Never"},
        {"value": 5, "label": "Always"},
    ]


@pytest.mark.parametrize(
    "scales, index, message",
    [
        (
            [scale("Worry", GOOD_BANDS), scale("Empty", GOOD_BANDS)],
            2,
            "Scale 'Empty' has no items; every scale needs at least one.",
        ),
        (
            [scale("Worry", [band("Low", "1", "3"), band("High", "2.5", "5")])],
            1,
            "Scale 'Worry': the bands 'Low' (1 to 3) and 'High' (2.5 to 5) overlap; a score of "
            "2.5 would fall in both.",
        ),
        (
            [scale("Worry", [band("Low", "1", "2"), band("High", "3", "5")])],
            1,
            "Scale 'Worry': there is a gap between the bands 'Low' (1 to 2) and 'High' (3 to 5); "
            "scores from 2.01 to 2.99 fall in no band.",
        ),
    ],
    ids=["scale-without-items", "overlapping-bands", "gap-between-bands"],
)
def test_publishing_refuses_with_the_message_beside_the_block(
    client, course_editor, scales, index, message
):
    client.force_login(course_editor)
    response = client.post(reverse(ADD), form_data(scales=scales, publish=True))
    assert response.status_code == 200
    assert not WorksheetTemplate.objects.exists()
    error = response.context["form"].errors.as_data()["scoring"][0]
    assert list(error.block_errors) == [index]
    assert error.block_errors[index].non_block_errors.as_data()[0].message == message
    # Saved as a draft, the unfinished questionnaire is kept to be completed later.
    draft = client.post(reverse(ADD), form_data(scales=scales, publish=False))
    assert draft.status_code == 302
    assert not WorksheetTemplate.objects.get().live


def test_the_draft_is_read_for_scales_not_the_live_version(course_editor):
    template = questionnaire_template(publish=False)
    draft = template.get_latest_revision_as_object()
    authored = read_questionnaire(
        key="x",
        title=draft.title,
        introduction="",
        body_definition=d.freeze(draft.body),
        scoring_stream=draft.scoring,
    )
    assert [s.name for s in authored.questionnaire.scales] == ["worry", "drive"]


def test_the_preview_shows_the_rated_statements_and_what_stops_publishing(client, course_editor):
    template = questionnaire_template()
    client.force_login(course_editor)
    url = reverse(
        "wagtailsnippets_worksheets_worksheettemplate:preview_on_edit", args=[template.pk]
    )
    data = form_data(scales=[scale("Worry", GOOD_BANDS), scale("Empty", GOOD_BANDS)], publish=False)
    assert client.post(url, data).json()["is_valid"]
    content = client.get(url).content.decode()
    assert "I worry" in content and "1 Never" in content and "5 Always" in content
    assert "This questionnaire cannot be published yet" in content
    assert "Scale &#x27;Empty&#x27; has no items" in content
