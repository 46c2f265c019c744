"""Importing licensed items from a CSV file in the Wagtail admin (publishing is tested in tests/worksheets/scoring)."""

import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from tests.concurrency import THREADS, at_once
from tests.worksheets.conftest import SMALL_BODY
from tests.worksheets.scoring.factories import administer, questionnaire_template
from worksheets import definitions as d
from worksheets.models import WorksheetTemplate
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db

EDIT = "wagtailsnippets_worksheets_worksheettemplate:edit"


def import_url(template):
    return reverse("questionnaires_import_items", args=[template.pk])


def upload(text: str | bytes, name="items.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return {"file": SimpleUploadedFile(name, data, content_type="text/csv")}


def draft_items(template):
    draft = WorksheetTemplate.objects.get(pk=template.pk).get_latest_revision_as_object()
    return [e for e in d.freeze(draft.body) if e["type"] == d.QUESTIONNAIRE_ITEM]


def test_course_staff_import_licensed_items_into_the_draft(client, course_editor, supervisee):
    template = questionnaire_template()
    version = template.versions.get()
    client.force_login(course_editor)
    page = client.get(import_url(template)).content.decode()
    assert "Worry" in page and "The draft has 7 items now." in page
    edit_page = client.get(reverse(EDIT, args=[template.pk])).content.decode()
    assert import_url(template) in edit_page

    csv = (
        "Item text;Scale;Reverse key;Machine name\n"
        "I lie awake going over sessions;Worry;no;\n"
        "I sleep well after a hard day;worry;yes;worry_extra\n"
        "\n"
        '"I worry, then I plan";worry;n;\n'
    )
    response = client.post(import_url(template), upload(csv))
    assert response.status_code == 302 and response.url == reverse(EDIT, args=[template.pk])
    items = draft_items(template)
    assert len(items) == 10
    assert [(i["label"], i["scale"], i["reverse_keyed"], i["name"]) for i in items[7:]] == [
        ("I lie awake going over sessions", "worry", False, "worry_5"),
        ("I sleep well after a hard day", "worry", True, "worry_extra"),
        ("I worry, then I plan", "worry", False, "worry_6"),
    ]
    # Nothing is published by the import; results of the live version stay as they were.
    template.refresh_from_db()
    assert template.has_unpublished_changes and template.versions.count() == 1
    entry = administer(supervisee, version)
    assert entry.result["scales"][0]["item_count"] == 4

    # Worry is a mean, so its bands still fit; the total (a sum) now has a wider range.
    draft = template.get_latest_revision_as_object()
    draft.scoring = [block for block in draft.scoring.raw_data if block["type"] != "total"]
    draft.save_revision().publish()
    new_version = template.versions.order_by("-number").first()
    assert new_version.number == 2
    counts = {s["name"]: 0 for s in new_version.questionnaire["scales"]}
    for item in new_version.questionnaire["items"]:
        counts[item["scale"]] += 1
    assert counts == {"worry": 7, "drive": 3}


def test_a_broken_file_is_reported_line_by_line_and_nothing_is_imported(client, course_editor):
    template = questionnaire_template()
    before = WorksheetTemplate.objects.get(pk=template.pk).latest_revision_id
    client.force_login(course_editor)
    csv = (
        "item text,scale,reverse key\n"
        "A good new item,worry,no\n"
        "An item of no known scale,anxiety,no\n"
        "First worry item,worry,no\n"
        "A fine one,drive,maybe\n"
        "A good new item,drive,no\n"
    )
    response = client.post(import_url(template), upload(csv))
    assert response.status_code == 400
    page = response.content.decode()
    assert "The file was not imported" in page and "Nothing was imported." in page
    for expected in (
        "Line 3: the scale &#x27;anxiety&#x27; is not one of this questionnaire&#x27;s scales",
        "Line 4: the item text repeats the existing item &#x27;w1&#x27;.",
        "Line 5: the reverse key is &#x27;maybe&#x27;; write yes or no",
        "Line 6: the item text repeats line 2.",
    ):
        assert expected in page
    assert WorksheetTemplate.objects.get(pk=template.pk).latest_revision_id == before
    assert len(draft_items(template)) == 7


@pytest.mark.parametrize(
    "content, message",
    [
        (b"text,scale\nOne,worry\n", "no column for &#x27;reverse key&#x27;"),
        ("item text,scale,reverse key\nSür,worry,no\n".encode("latin-1"), "is not UTF-8 text"),
        (
            ("item text,scale,reverse key\n" + "Item,worry,no\n" * 10_000).encode(),
            "The file has 10,001 lines; at most 1,000",
        ),
        (b"", "The submitted file is empty."),
    ],
    ids=["missing-column", "wrong-encoding", "ten-thousand-lines", "empty"],
)
def test_files_that_cannot_be_read_are_refused_whole(client, course_editor, content, message):
    template = questionnaire_template()
    client.force_login(course_editor)
    response = client.post(import_url(template), upload(content))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert len(draft_items(template)) == 7


def test_a_worksheet_without_scales_cannot_take_items(client, course_editor):
    template = worksheet_template_create(title="Plain", body=SMALL_BODY, publish=True)
    client.force_login(course_editor)
    edit_page = client.get(reverse(EDIT, args=[template.pk])).content.decode()
    assert import_url(template) not in edit_page
    response = client.post(import_url(template), upload("item text,scale,reverse key\nA,x,no\n"))
    assert response.status_code == 400
    assert "This template has no scales yet" in response.content.decode()


def test_a_template_locked_by_someone_else_takes_no_items(client, course_editor, administrator):
    template = questionnaire_template()
    template.locked = True
    template.locked_by = administrator
    template.save(update_fields=["locked", "locked_by"])
    client.force_login(course_editor)
    response = client.post(
        import_url(template), upload("item text,scale,reverse key\nNew,worry,no\n")
    )
    assert response.status_code == 409
    assert "locked by someone else" in response.content.decode()
    assert len(draft_items(template)) == 7


ONE_ITEM = "item text,scale,reverse key\r\nI go over sessions at night,worry,no\r\n"


def test_the_same_import_sent_twice_adds_its_items_once(client, course_editor):
    template = questionnaire_template()
    client.force_login(course_editor)
    page = client.get(import_url(template)).content.decode()
    assert 'name="submission_key"' in page
    key = str(uuid.uuid4())
    first = client.post(import_url(template), {**upload(ONE_ITEM), "submission_key": key})
    second = client.post(import_url(template), {**upload(ONE_ITEM), "submission_key": key})
    assert first.status_code == second.status_code == 302
    assert first.url == second.url == reverse(EDIT, args=[template.pk])
    assert len(draft_items(template)) == 8


def test_a_refused_file_leaves_the_key_for_the_corrected_one(client, course_editor):
    template = questionnaire_template()
    client.force_login(course_editor)
    key = str(uuid.uuid4())
    broken = client.post(
        import_url(template),
        {**upload(b"item text,scale,reverse key\nOne\x00,worry,no\n"), "submission_key": key},
    )
    assert broken.status_code == 400
    page = broken.content.decode()
    assert "Line 2: contains a control character" in page
    assert 'aria-describedby="import-report"' in page and f'value="{key}"' in page
    fixed = client.post(import_url(template), {**upload(ONE_ITEM), "submission_key": key})
    assert fixed.status_code == 302
    assert len(draft_items(template)) == 8


@pytest.mark.django_db(transaction=True)
def test_the_same_import_sent_at_once_adds_its_items_once(course_editor):
    template = questionnaire_template()
    key = str(uuid.uuid4())
    responses = []

    def post():
        client = Client()
        client.force_login(course_editor)
        responses.append(
            client.post(import_url(template), {**upload(ONE_ITEM), "submission_key": key})
        )

    assert at_once(post) == [None] * THREADS
    assert [r.status_code for r in responses] == [302] * THREADS
    assert len(draft_items(template)) == 8
