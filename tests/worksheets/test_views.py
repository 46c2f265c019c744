"""The worksheet pages: completing with autosave and submit, bad input, reading, sharing, lists."""

import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import UserFactory, make_supervision
from tests.worksheets.conftest import submit
from worksheets.library import blocks as b
from worksheets.models import Entry, WorksheetTemplate
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_copy

pytestmark = pytest.mark.django_db


def edit_url(entry):
    return reverse("worksheets:entry_edit", args=[entry.pk])


def autosave_url(entry):
    return reverse("worksheets:entry_autosave", args=[entry.pk])


def page_controls(client, entry):
    """The version and editing session a freshly opened page carries."""
    content = client.get(edit_url(entry)).content.decode()
    version = re.search(r'name="version" value="(\d+)"', content)[1]
    session = re.search(r'name="session" value="([0-9a-f]{32})"', content)[1]
    return {"version": version, "session": session}


GOOD = {
    "q-what_happened": "A hard session",
    "q-how_upset_was_i": "6",
    "q-where_was_i": "At work",
    "q-anything_else": "",
    "reflection": "More to say",
}


def test_the_completion_page_carries_autosave_and_the_questions(client, trainee, draft_entry):
    client.force_login(trainee)
    response = client.get(edit_url(draft_entry))
    content = response.content.decode()
    assert response.status_code == 200
    assert f'hx-post="{autosave_url(draft_entry)}"' in content
    assert 'hx-trigger="worksheet:autosave"' in content
    assert "js/worksheets.js" in content
    assert "What happened?" in content and "<legend>" in content
    assert "<script>" not in content.replace("<script src", "")


def test_submit_stores_validated_answers_and_shows_the_entry(client, trainee, draft_entry):
    client.force_login(trainee)
    response = client.post(
        edit_url(draft_entry), {**GOOD, **page_controls(client, draft_entry), "action": "submit"}
    )
    assert response.status_code == 302
    assert response.url == reverse("worksheets:entry_detail", args=[draft_entry.pk])
    draft_entry.refresh_from_db()
    assert draft_entry.status == Entry.Status.SUBMITTED
    assert draft_entry.get_data()["how_upset_was_i"] == 6
    assert draft_entry.reflection == "More to say"
    detail = client.get(response.url).content.decode()
    assert "A hard session" in detail and "6 out of 10" in detail and "Only you" in detail


def test_submitting_twice_creates_one_entry(client, trainee, draft_entry):
    client.force_login(trainee)
    data = {**GOOD, **page_controls(client, draft_entry), "action": "submit"}
    client.post(edit_url(draft_entry), data)
    again = client.post(edit_url(draft_entry), data, follow=True)
    assert "already been submitted" in again.content.decode()
    assert Entry.objects.count() == 1


def test_bad_input_is_shown_beside_the_field_with_the_text_kept(client, trainee, draft_entry):
    client.force_login(trainee)
    data = {
        **GOOD,
        **page_controls(client, draft_entry),
        "q-what_happened": "x" * 51,
        "q-how_upset_was_i": "11",
        "q-where_was_i": "On the moon",
        "action": "submit",
    }
    response = client.post(edit_url(draft_entry), data)
    content = response.content.decode()
    assert response.status_code == 400
    assert "Please correct the fields marked below" in content
    assert "at most 50 characters" in content
    assert "Choose a whole number from 0 to 10" in content
    assert "not one of the options offered" in content
    assert "x" * 51 in content
    assert 'id="id_q-what_happened_error"' in content and 'aria-invalid="true"' in content
    draft_entry.refresh_from_db()
    assert draft_entry.status == Entry.Status.DRAFT and draft_entry.get_data() == {}


def test_a_forged_field_is_refused_and_nothing_saved(client, trainee, draft_entry):
    client.force_login(trainee)
    data = {**GOOD, **page_controls(client, draft_entry), "q-salary": "1", "action": "submit"}
    response = client.post(edit_url(draft_entry), data)
    assert response.status_code == 400
    assert "not on this worksheet" in response.content.decode()
    draft_entry.refresh_from_db()
    assert draft_entry.status == Entry.Status.DRAFT


def test_save_draft_without_javascript_keeps_even_invalid_text(client, trainee, draft_entry):
    client.force_login(trainee)
    data = {**GOOD, **page_controls(client, draft_entry), "q-how_upset_was_i": "", "action": "save"}
    response = client.post(edit_url(draft_entry), {**data, "q-what_happened": "Half typed"})
    assert response.status_code == 302
    draft_entry.refresh_from_db()
    assert draft_entry.get_data()["what_happened"] == "Half typed"
    assert "Half typed" in client.get(edit_url(draft_entry)).content.decode()


def test_autosave_saves_and_hands_back_the_new_version(client, trainee, draft_entry):
    client.force_login(trainee)
    controls = page_controls(client, draft_entry)
    response = client.post(
        autosave_url(draft_entry), {**GOOD, **controls, "q-how_upset_was_i": "99"}
    )
    content = response.content.decode()
    assert response.status_code == 200
    assert "Draft saved at" in content
    assert 'name="version" value="2" id="id_version" hx-swap-oob="true"' in content
    draft_entry.refresh_from_db()
    assert draft_entry.get_data()["how_upset_was_i"] == "99"  # kept as typed; checked on submit


def test_a_stale_autosave_from_a_second_tab_is_refused(client, trainee, draft_entry):
    client.force_login(trainee)
    first, second = page_controls(client, draft_entry), page_controls(client, draft_entry)
    assert client.post(autosave_url(draft_entry), {**GOOD, **first}).status_code == 200
    response = client.post(
        autosave_url(draft_entry), {**GOOD, **second, "q-what_happened": "Other tab"}
    )
    assert response.status_code == 409
    assert "changed in another tab or on another device" in response.content.decode()
    assert 'data-autosave-state="stopped"' in response.content.decode()
    draft_entry.refresh_from_db()
    assert draft_entry.get_data()["what_happened"] == "A hard session"


def test_a_stale_submit_is_refused_with_the_typed_text_kept(client, trainee, draft_entry):
    client.force_login(trainee)
    first, second = page_controls(client, draft_entry), page_controls(client, draft_entry)
    client.post(autosave_url(draft_entry), {**GOOD, **first})
    response = client.post(
        edit_url(draft_entry),
        {**GOOD, **second, "q-what_happened": "Typed in tab two", "action": "submit"},
    )
    content = response.content.decode()
    assert response.status_code == 409
    assert "Not saved." in content and "open the latest saved version" in content
    assert "Typed in tab two" in content
    assert "data-autosave-stopped" in content
    draft_entry.refresh_from_db()
    assert draft_entry.status == Entry.Status.DRAFT


def test_autosave_refuses_forged_fields_and_submitted_entries(client, trainee, draft_entry):
    client.force_login(trainee)
    controls = page_controls(client, draft_entry)
    assert (
        client.post(autosave_url(draft_entry), {**GOOD, **controls, "q-x": "1"}).status_code == 400
    )
    assert (
        client.post(
            autosave_url(draft_entry), {**GOOD, "version": "1", "session": "nope"}
        ).status_code
        == 400
    )
    submit(draft_entry)
    response = client.post(autosave_url(draft_entry), {**GOOD, **controls})
    assert response.status_code == 409 and "already been submitted" in response.content.decode()


def test_starting_twice_from_one_page_gives_one_entry(client, trainee, library_template):
    client.force_login(trainee)
    url = reverse("worksheets:template_start", args=[library_template.pk])
    token = str(uuid.uuid4())
    first = client.post(url, {"submission_key": token})
    second = client.post(url, {"submission_key": token})
    assert first.url == second.url
    assert Entry.objects.filter(author=trainee).count() == 1


def test_sharing_from_the_read_view(client, trainee, submitted_entry, supervisor, supervision):
    client.force_login(trainee)
    detail = client.get(
        reverse("worksheets:entry_detail", args=[submitted_entry.pk])
    ).content.decode()
    assert supervisor.name in detail and "Only you" in detail
    url = reverse("worksheets:entry_sharing", args=[submitted_entry.pk])
    response = client.post(url, {"supervisors": [supervisor.pk]}, follow=True)
    assert f"Shared with {supervisor.name}" in response.content.decode()
    client.force_login(supervisor)
    assert (
        client.get(reverse("worksheets:entry_detail", args=[submitted_entry.pk])).status_code == 200
    )
    client.force_login(trainee)
    response = client.post(url, {}, follow=True)
    assert "private again" in response.content.decode()
    client.force_login(supervisor)
    assert (
        client.get(reverse("worksheets:entry_detail", args=[submitted_entry.pk])).status_code == 404
    )


def test_sharing_with_someone_who_is_not_a_supervisor_is_refused(
    client, trainee, submitted_entry, supervision, unrelated_supervisor
):
    client.force_login(trainee)
    url = reverse("worksheets:entry_sharing", args=[submitted_entry.pk])
    response = client.post(url, {"supervisors": [unrelated_supervisor.pk]})
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()


def test_the_read_and_print_views_draw_rows_and_the_vicious_circle(client, make_template, trainee):
    template = make_template(
        [
            b.rows("Emotions", [b.column("Emotion"), b.column("Strength", "rating_100")]),
            b.circle("Circle"),
        ]
    )
    entry = entry_start(author=trainee, template_version=template.versions.get())
    submit(
        entry,
        answers={
            "emotions": [{"emotion": "Sad", "strength": 40}],
            "circle": {
                "situation": "Session ran late",
                "thoughts": "I am failing",
                "emotions": [{"emotion": "Guilt", "intensity": 70}],
                "body": "Tense",
                "behaviours": "Rushed the ending",
                "alternative": "Name the time together",
            },
        },
    )
    client.force_login(trainee)
    for name in ("entry_detail", "entry_print"):
        content = client.get(reverse(f"worksheets:{name}", args=[entry.pk])).content.decode()
        assert "<table>" in content and "40 out of 100" in content
        assert 'class="vicious-circle"' in content and "Rushed the ending" in content
        assert "Guilt" in content and "70/100" in content
        assert 'aria-hidden="true"' in content


def test_copy_to_my_templates_opens_the_copy_in_the_admin(
    client, library_template, supervisor, supervision
):
    client.force_login(supervisor)
    url = reverse("worksheets:template_copy", args=[library_template.pk])
    assert client.get(url).status_code == 200
    response = client.post(url)
    copy = WorksheetTemplate.objects.get(owner=supervisor)
    assert response.url == reverse(
        "wagtailsnippets_worksheets_worksheettemplate:edit", args=[copy.pk]
    )


def test_the_owner_shares_a_template_with_a_colleague(
    client, library_template, supervisor, supervision, unrelated_supervisor
):
    own = worksheet_template_copy(template=library_template, owner=supervisor)
    client.force_login(supervisor)
    url = reverse("worksheets:template_sharing", args=[own.pk])
    assert unrelated_supervisor.name in client.get(url).content.decode()
    client.post(url, {"colleagues": [unrelated_supervisor.pk]})
    client.force_login(unrelated_supervisor)
    assert client.get(reverse("worksheets:template_detail", args=[own.pk])).status_code == 200


def _entries_for(trainee, version, supervisor, count):
    """Submitted entries shared with the supervisor, every other one with a draft beside it."""
    for number in range(count):
        entry = submit(entry_start(author=trainee, template_version=version))
        entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
        if number % 2:
            entry_start(author=trainee, template_version=version)


def test_entry_list_query_count_does_not_grow(
    client, trainee, library_template, supervisor, supervision
):
    version = library_template.versions.get()
    client.force_login(trainee)
    _entries_for(trainee, version, supervisor, 1)
    url = reverse("worksheets:entry_list")
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    _entries_for(trainee, version, supervisor, 49)
    with CaptureQueriesContext(connection) as fifty:
        response = client.get(url, {"sharing": "shared"})
    assert response.content.decode().count("Shared with") == 50
    assert len(fifty) == len(one), [q["sql"] for q in fifty.captured_queries]
    with CaptureQueriesContext(connection) as everything:
        response = client.get(url)
    assert response.content.decode().count("<tr>") == 1 + 50 + 24
    assert len(everything) == len(one)


def test_shared_with_me_query_count_does_not_grow(client, library_template, supervisor):
    version = library_template.versions.get()
    client.force_login(supervisor)
    url = reverse("worksheets:shared_with_me")
    trainee = UserFactory()
    make_supervision(supervisor, trainee)
    _entries_for(trainee, version, supervisor, 1)
    with CaptureQueriesContext(connection) as one:
        client.get(url)
    for _ in range(9):
        trainee = UserFactory()
        make_supervision(supervisor, trainee)
        _entries_for(trainee, version, supervisor, 3)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert len(re.findall(r"/worksheets/entries/\d+/", response.content.decode())) == 28
    assert len(many) == len(one)


def test_library_query_count_does_not_grow(client, make_template, supervisor, supervision):
    client.force_login(supervisor)
    url = reverse("worksheets:library")
    first = make_template(title="First")
    worksheet_template_copy(template=first, owner=supervisor)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for number in range(15):
        template = make_template(title=f"Worksheet {number}")
        worksheet_template_copy(template=template, owner=supervisor)
    with CaptureQueriesContext(connection) as many:
        response = client.get(url)
    assert response.content.decode().count("(my copy)") == 16
    assert len(many) == len(few)


def test_the_library_filters_by_search_and_topic(client, trainee, make_template):
    make_template(title="Breathing log", topic="self_practice")
    make_template(title="Reading notes", topic="learning")
    client.force_login(trainee)
    url = reverse("worksheets:library")
    content = client.get(url, {"q": "breath"}).content.decode()
    assert "Breathing log" in content and "Reading notes" not in content
    content = client.get(url, {"topic": "learning"}).content.decode()
    assert "Reading notes" in content and "Breathing log" not in content


def test_entry_list_date_filters_are_checked(client, trainee):
    client.force_login(trainee)
    response = client.get(
        reverse("worksheets:entry_list"), {"date_from": "2026-05-01", "date_to": "2026-04-01"}
    )
    assert "The end date cannot be before the start date" in response.content.decode()


def test_a_draft_prints_what_was_typed(client, make_template, trainee):
    template = make_template([b.duration("How long"), b.rating10("How calm")])
    entry = entry_start(author=trainee, template_version=template.versions.get())
    client.force_login(trainee)
    controls = page_controls(client, entry)
    client.post(
        autosave_url(entry),
        {"q-how_long_0": "1", "q-how_long_1": "30", "q-how_calm": "4", **controls},
    )
    content = client.get(reverse("worksheets:entry_print", args=[entry.pk])).content.decode()
    assert (
        "1 hour 30 minutes" in content
        and "4 out of 10" in content
        and "draft, last saved" in content
    )
