"""Building the ZIP of a person's own data: open it and read what is inside."""

import io
import json
import zipfile

import pytest

from privacy.exporting import export_build
from privacy.models import DataExport
from tests.factories import UserFactory
from tests.worksheets.conftest import submit
from worksheets.services.entries import entry_start


def _open(export: DataExport) -> zipfile.ZipFile:
    export.refresh_from_db()
    with export.file.open("rb") as handle:
        return zipfile.ZipFile(io.BytesIO(handle.read()))


def _section(data: dict, title: str) -> dict:
    return next(section for section in data["sections"] if section["title"] == title)


@pytest.mark.django_db
def test_the_zip_holds_json_html_and_files_of_the_person_only(
    supervisee, supervisor, shared_entry, released_feedback, homework_entry_with_file, worksheet
):
    stranger = UserFactory(display_name="Sol Stranger")
    submit(
        entry_start(author=stranger, template_version=worksheet.versions.get()),
        reflection="STRANGER-SECRET",
    )
    export = DataExport.objects.create(person=supervisee)

    built = export_build(export_id=export.pk)

    assert built.status == DataExport.Status.READY and built.progress == 100
    assert built.expires_at > built.finished_at
    archive = _open(export)
    names = archive.namelist()
    assert {"data.json", "index.html", "style.css"} <= set(names)
    assert any(name.startswith("files/") and name.endswith("my-notes.pdf") for name in names)
    data = json.loads(archive.read("data.json"))
    assert data["person"] == supervisee.email
    entries = _section(data, "Worksheet entries, questionnaire results and ratings given")["rows"]
    assert {row["id"] for row in entries} == {shared_entry.pk, homework_entry_with_file.pk}
    shown = next(row for row in entries if row["id"] == shared_entry.pk)
    assert shown["worksheet"] == "Small worksheet" and shown["worksheet_version"] == 1
    feedback = _section(data, "Feedback")["rows"]
    assert [row["body"] for row in feedback] == ["Good noticing."]
    page = archive.read("index.html").decode()
    assert "A hard session" in page and "Good noticing." in page
    assert "STRANGER-SECRET" not in archive.read("data.json").decode() + page


@pytest.mark.django_db
def test_draft_feedback_and_a_supervisors_evaluation_stay_out_of_a_supervisees_copy(
    supervisee, supervisor, supervision, shared_entry
):
    from feedback.services import feedback_create
    from tests.factories import make_meeting

    feedback_create(entry=shared_entry, author=supervisor, body="DRAFT-ONLY-MINE")
    make_meeting(supervision, supervisor_evaluation="EVAL-PRIVATE", summary="SUMMARY-SHARED")
    export = DataExport.objects.create(person=supervisee)
    export_build(export_id=export.pk)

    text = _open(export).read("data.json").decode()
    assert "DRAFT-ONLY-MINE" not in text
    assert "EVAL-PRIVATE" not in text
    assert "SUMMARY-SHARED" in text
    supervisor_copy = DataExport.objects.create(person=supervisor)
    export_build(export_id=supervisor_copy.pk)
    assert "DRAFT-ONLY-MINE" in _open(supervisor_copy).read("data.json").decode()


@pytest.mark.django_db
def test_an_export_is_built_once(supervisee):
    export = DataExport.objects.create(person=supervisee)
    assert export_build(export_id=export.pk) is not None
    assert export_build(export_id=export.pk) is None
