"""What autosave and save-draft store obeys the limits submitting enforces (issue 10, item 5)."""

import pytest

from tests.worksheets.test_views import GOOD, autosave_url, edit_url, page_controls
from worksheets.models.entries import REFLECTION_MAX_LENGTH

pytestmark = pytest.mark.django_db

MEGABYTE = "x" * 1_000_000


def test_autosave_refuses_a_megabyte_reflection_and_says_so(client, trainee, draft_entry):
    client.force_login(trainee)
    controls = page_controls(client, draft_entry)
    response = client.post(autosave_url(draft_entry), {**GOOD, **controls, "reflection": MEGABYTE})
    content = response.content.decode()
    assert response.status_code == 400
    assert "Not saved." in content
    assert f"at most {REFLECTION_MAX_LENGTH:,}" in content
    assert "Your text is still on this page" in content
    draft_entry.refresh_from_db()
    assert draft_entry.reflection == "" and draft_entry.version == 1


def test_autosave_refuses_an_answer_longer_than_its_question_takes(client, trainee, draft_entry):
    client.force_login(trainee)
    controls = page_controls(client, draft_entry)
    data = {**GOOD, **controls, "q-what_happened": MEGABYTE}
    response = client.post(autosave_url(draft_entry), data)
    assert response.status_code == 400
    assert "characters long" in response.content.decode()
    draft_entry.refresh_from_db()
    assert "what_happened" not in (draft_entry.get_data() or {})


def test_save_draft_refuses_oversized_text_beside_the_field(client, trainee, draft_entry):
    client.force_login(trainee)
    data = {**GOOD, **page_controls(client, draft_entry), "action": "save"}
    response = client.post(edit_url(draft_entry), {**data, "q-what_happened": MEGABYTE})
    assert response.status_code == 400
    draft_entry.refresh_from_db()
    assert draft_entry.version == 1


@pytest.mark.parametrize("text", ["a\x00b", "a\x01b\x7f", "a\u0085b"])
def test_control_characters_typed_into_autosave_are_stripped(client, trainee, draft_entry, text):
    client.force_login(trainee)
    controls = page_controls(client, draft_entry)
    data = {**GOOD, **controls, "reflection": text, "q-what_happened": text}
    assert client.post(autosave_url(draft_entry), data).status_code == 200
    # A later autosave of the same text goes on working (it used to fail on PostgreSQL).
    controls["version"] = "2"
    assert client.post(autosave_url(draft_entry), {**data, **controls}).status_code == 200
    draft_entry.refresh_from_db()
    assert draft_entry.reflection == "ab"
    assert draft_entry.get_data()["what_happened"] == "ab"


def test_a_nul_in_a_search_is_no_error(client, trainee):
    client.force_login(trainee)
    assert client.get("/worksheets/?q=a%00b").status_code == 200
