"""The bundled library: enough templates, every one publishes and works, loading twice changes nothing."""

import pytest

from worksheets import definitions as d
from worksheets.forms.builder import build_worksheet_form
from worksheets.library import LIBRARY
from worksheets.models import TemplateVersion, WorksheetTemplate
from worksheets.services.library import library_load

pytestmark = pytest.mark.django_db

TOPICS = {
    "expectations-and-needs",
    "helpful-and-unhelpful-supervision",
    "anticipating-relationship-difficulties",
    "strengths-and-development",
    "clients-i-feel-uneasy-with",
    "sources-of-stress",
    "processing-a-mistake",
    "favourite-techniques",
    "countertransference-vicious-circle",
    "downward-arrow",
    "patient-self-and-homework",
    "homework-monitoring",
    "thought-record",
    "behavioural-experiment",
    "reading-reflection",
    "reflection-on-supervision-i-led",
}


def test_the_library_covers_every_topic_of_the_issue():
    keys = [template["key"] for template in LIBRARY]
    assert len(keys) >= 14 and len(set(keys)) == len(keys)
    assert set(keys) >= TOPICS


def test_loading_publishes_every_template_once_and_again_changes_nothing():
    created = library_load()
    assert len(created) == len(LIBRARY)
    assert WorksheetTemplate.objects.library().filter(live=True).count() == len(LIBRARY)
    assert TemplateVersion.objects.count() == len(LIBRARY)
    snapshot = list(WorksheetTemplate.objects.values_list("pk", "updated_at", "latest_revision_id"))
    assert library_load() == []
    assert (
        list(WorksheetTemplate.objects.values_list("pk", "updated_at", "latest_revision_id"))
        == snapshot
    )
    assert TemplateVersion.objects.count() == len(LIBRARY)


def test_every_library_template_renders_and_validates():
    library_load()
    for version in TemplateVersion.objects.all():
        form = build_worksheet_form(version.definition)
        html = form.as_div()
        for field in d.answer_fields(version.definition):
            assert field["label"].split()[0] in html
        empty = build_worksheet_form(version.definition, version.questionnaire, data={})
        assert not empty.is_valid()


def test_every_field_type_appears_somewhere_in_the_library():
    library_load()
    used = {
        element["type"]
        for version in TemplateVersion.objects.all()
        for element in version.definition
    }
    assert used == set(d.TYPE_LABELS)
