"""The bundled pathway library: at least three pathways, sound, loaded once however often it runs."""

import pytest
from django.core.management import call_command

from pathways.library import LIBRARY, library_load
from pathways.models import Pathway, PathwayStep
from pathways.rules import step_rule, steps_problems
from worksheets.services.library import library_load as worksheets_load

pytestmark = pytest.mark.django_db


def test_the_library_has_at_least_three_pathways_of_several_step_kinds():
    assert len(LIBRARY) >= 3
    kinds = {step["kind"] for item in LIBRARY for step in item["steps"]}
    assert {"worksheet", "questionnaire", "lesson", "recording", "reflection"} <= kinds
    for item in LIBRARY:
        rules = [step_rule({**step, "worksheet": step.get("worksheet")}) for step in item["steps"]]
        assert steps_problems(rules) == [], item["key"]


def test_loading_twice_changes_nothing_and_keeps_edits(course_editor):
    worksheets_load()
    created = library_load()
    assert len(created) == len(LIBRARY)
    steps = PathwayStep.objects.count()
    Pathway.objects.filter(library_key=LIBRARY[0]["key"]).update(title="Edited by course staff")
    call_command("load_pathway_library", verbosity=0)
    assert Pathway.objects.count() == len(LIBRARY) and PathwayStep.objects.count() == steps
    assert Pathway.objects.filter(title="Edited by course staff").exists()
    assert all(pathway.is_library for pathway in Pathway.objects.all())
    # Course staff curate the library.
    assert course_editor.has_perm("pathways.change_pathway")


def test_a_library_without_its_worksheets_is_refused_and_nothing_is_saved():
    with pytest.raises(Exception, match="load the worksheet library first"):
        library_load()
    assert not Pathway.objects.exists()
