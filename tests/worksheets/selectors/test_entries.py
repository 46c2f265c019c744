"""An author's entry read for its hand-in: the row the ORM reads, its links and the author's rights."""

import pytest

from homework.services.entries import occurrence_entry_start
from supervision.permissions import ClinicalPermissionChecker
from tests.homework.factories import make_assignment
from worksheets.models import Entry
from worksheets.selectors.entries import _link_relations, own_entry_with_links
from worksheets.services.entries import entry_start

pytestmark = pytest.mark.django_db


def test_the_entry_its_version_its_links_and_the_authors_codenames(
    supervision, supervisee, library_template, django_assert_num_queries
):
    version = library_template.versions.get()
    assignment = make_assignment(supervision, worksheet_version=version)
    entry = occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee)
    with django_assert_num_queries(1):
        found, codenames = own_entry_with_links(supervisee, entry.pk)
        assert found.template_version == version
        assert found.occurrence.assignment_id == assignment.pk
        assert found.occurrence.entry is found  # the link's other side, as select_related sets
        for relation in _link_relations():
            if relation.get_accessor_name() != "occurrence":  # none, and known to be none
                with pytest.raises(relation.related_model.DoesNotExist):
                    getattr(found, relation.get_accessor_name())
    read = Entry.objects.get(pk=entry.pk)
    for field in Entry._meta.concrete_fields:
        value, expected = getattr(found, field.attname), getattr(read, field.attname)
        assert (value, type(value)) == (expected, type(expected)), field.attname
    assert found.template_version.definition == version.definition  # JSON, parsed
    assert (found._state.adding, found._state.db) == (False, "default")
    assert sorted(codenames) == sorted(ClinicalPermissionChecker(supervisee).get_perms(entry))
    assert "change_entry" in codenames


def test_a_free_reflection_has_no_version(trainee, django_assert_num_queries):
    entry = entry_start(author=trainee, template_version=None, title="After the session")
    found, _codenames = own_entry_with_links(trainee, entry.pk)
    with django_assert_num_queries(0):
        assert found.template_version is None
    assert found.title == "After the session"


def test_nothing_for_someone_elses_entry_or_none(draft_entry, other_trainee, trainee):
    assert own_entry_with_links(other_trainee, draft_entry.pk) is None
    assert own_entry_with_links(trainee, draft_entry.pk + 1000) is None
    assert own_entry_with_links(trainee, draft_entry.pk)[0] == draft_entry
