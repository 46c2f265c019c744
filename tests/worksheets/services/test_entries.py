"""Entries: one start per token, optimistic saving, immutable once submitted, shared only on purpose."""

import uuid

import pytest
from django.core.exceptions import ValidationError

from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_supervision
from tests.worksheets.conftest import submit
from worksheets.models import Entry
from worksheets.models.entries import REFLECTION_MAX_LENGTH
from worksheets.selectors.entries import entries_of, entries_shared_with
from worksheets.services.entries import (
    EntryConflict,
    EntryNotEditable,
    entry_discard,
    entry_readers,
    entry_save_draft,
    entry_sharing_set,
    entry_start,
)

pytestmark = pytest.mark.django_db


def can(user, perm, entry):
    return ClinicalPermissionChecker(user).has_perm(perm, entry)


def test_starting_twice_with_the_same_token_gives_one_entry(trainee, library_template):
    token = uuid.uuid4()
    version = library_template.versions.get()
    first = entry_start(author=trainee, template_version=version, start_token=token)
    second = entry_start(author=trainee, template_version=version, start_token=token)
    assert first == second
    assert Entry.objects.count() == 1
    entry_start(author=trainee, template_version=version, start_token=uuid.uuid4())
    assert Entry.objects.count() == 2


def test_a_draft_belongs_to_its_author_alone(
    draft_entry, trainee, supervisor, supervision, administrator
):
    for perm in ("view_entry", "change_entry", "delete_entry"):
        assert can(trainee, perm, draft_entry)
    for person in (supervisor, administrator):
        assert not can(person, "view_entry", draft_entry)


def test_drafts_save_what_was_typed_and_count_versions(draft_entry):
    session = uuid.uuid4().hex
    saved = entry_save_draft(
        entry=draft_entry,
        answers={"how_upset_was_i": "eleven"},
        reflection="half a thought",
        expected_version=1,
        session=session,
    )
    assert saved.version == 2
    assert saved.get_data() == {"how_upset_was_i": "eleven"}
    assert saved.reflection == "half a thought"


def test_a_save_from_an_older_version_in_another_tab_is_refused(draft_entry):
    first_tab, second_tab = uuid.uuid4().hex, uuid.uuid4().hex
    entry_save_draft(
        entry=draft_entry, answers={"a": 1}, reflection="", expected_version=1, session=first_tab
    )
    with pytest.raises(EntryConflict) as conflict:
        entry_save_draft(
            entry=draft_entry,
            answers={"a": 2},
            reflection="",
            expected_version=1,
            session=second_tab,
        )
    assert conflict.value.entry.version == 2
    draft_entry.refresh_from_db()
    assert draft_entry.get_data() == {"a": 1}


def test_the_same_tab_may_save_on_top_of_its_own_saves(draft_entry):
    tab = uuid.uuid4().hex
    entry_save_draft(
        entry=draft_entry, answers={"a": 1}, reflection="", expected_version=1, session=tab
    )
    # Its next save still names version 1 (the reply had not arrived yet): it is the newer text.
    saved = entry_save_draft(
        entry=draft_entry, answers={"a": 2}, reflection="", expected_version=1, session=tab
    )
    assert saved.version == 3 and saved.get_data() == {"a": 2}


def test_submitting_freezes_the_entry_and_keeps_only_reading(draft_entry, trainee):
    submitted = submit(draft_entry)
    assert submitted.status == Entry.Status.SUBMITTED and submitted.submitted_at
    assert can(trainee, "view_entry", submitted)
    assert not can(trainee, "change_entry", submitted)
    assert not can(trainee, "delete_entry", submitted)
    with pytest.raises(EntryNotEditable):
        entry_save_draft(
            entry=submitted,
            answers={},
            reflection="",
            expected_version=submitted.version,
            session="a" * 32,
        )


def test_submitting_twice_creates_one_entry_and_changes_nothing(draft_entry):
    submitted = submit(draft_entry)
    with pytest.raises(EntryNotEditable):
        submit(draft_entry, answers={"what_happened": "Changed"})
    submitted.refresh_from_db()
    assert submitted.get_data()["what_happened"] == "A hard session"
    assert Entry.objects.count() == 1


def test_a_save_from_a_page_read_before_the_hand_in_is_refused_for_that_whatever_it_holds(
    draft_entry,
):
    """A save is decided on the caller's copy first; when that copy is out of date the refusal
    is the one the entry as it is now calls for, not the copy's own complaint."""
    page_copy = Entry.objects.get(pk=draft_entry.pk)  # read before the hand-in, never again
    submit(draft_entry)
    with pytest.raises(EntryNotEditable):
        entry_save_draft(
            entry=page_copy,
            answers={},
            reflection="x" * (REFLECTION_MAX_LENGTH + 1),  # too long: a ValidationError on its own
            expected_version=page_copy.version,
            session="c" * 32,
        )
    with pytest.raises(EntryNotEditable):
        submit(page_copy)  # the copy still says draft, at the version it was read at


def test_the_saved_entry_is_a_new_object_with_what_the_row_now_holds(draft_entry):
    """Saving reads nothing back: the entry returned holds what a fresh read would."""
    saved = submit(draft_entry, answers={"what_happened": "A hard session", "how_upset_was_i": 6})
    assert saved is not draft_entry and draft_entry.status == Entry.Status.DRAFT
    fresh = Entry.objects.get(pk=draft_entry.pk)
    for field in ("answers", "reflection", "status", "version", "submitted_at", "updated_at"):
        assert getattr(saved, field) == getattr(fresh, field), field
    assert saved.submissions.get().number == 1


def test_discarding_deletes_a_draft_but_never_a_submitted_entry(
    draft_entry, trainee, library_template
):
    entry_discard(entry=draft_entry)
    assert not Entry.objects.exists()
    other = submit(entry_start(author=trainee, template_version=library_template.versions.get()))
    with pytest.raises(EntryNotEditable):
        entry_discard(entry=other)


def test_sharing_with_a_current_supervisor_and_stopping_again(
    submitted_entry, trainee, supervisor, supervision
):
    entry_sharing_set(entry=submitted_entry, supervisors=[supervisor], allowed=[supervisor])
    assert can(supervisor, "view_entry", submitted_entry)
    assert not can(supervisor, "change_entry", submitted_entry)
    assert list(entries_shared_with(supervisor)) == [submitted_entry]
    assert entry_readers(submitted_entry) == [supervisor]
    entry_sharing_set(entry=submitted_entry, supervisors=[], allowed=[supervisor])
    assert not can(supervisor, "view_entry", submitted_entry)
    assert list(entries_shared_with(supervisor)) == []


def test_only_current_supervisors_can_be_added(
    submitted_entry, supervisor, supervision, unrelated_supervisor
):
    with pytest.raises(ValidationError):
        entry_sharing_set(
            entry=submitted_entry, supervisors=[unrelated_supervisor], allowed=[supervisor]
        )
    assert not can(unrelated_supervisor, "view_entry", submitted_entry)


def test_a_supervisor_whose_supervision_ended_keeps_what_was_shared_until_unshared(
    submitted_entry, supervisor, supervision
):
    entry_sharing_set(entry=submitted_entry, supervisors=[supervisor], allowed=[supervisor])
    supervision_end(supervision=supervision)
    assert can(supervisor, "view_entry", submitted_entry)
    # No longer a current supervisor: they can be removed, not added back.
    entry_sharing_set(entry=submitted_entry, supervisors=[], allowed=[])
    with pytest.raises(ValidationError):
        entry_sharing_set(entry=submitted_entry, supervisors=[supervisor], allowed=[])


def test_drafts_cannot_be_shared(draft_entry, supervisor, supervision):
    with pytest.raises(ValidationError, match="Submit the entry"):
        entry_sharing_set(entry=draft_entry, supervisors=[supervisor], allowed=[supervisor])


def test_a_supervisors_own_supervisor_never_sees_their_supervisees_entries(library_template):
    senior, in_training, trainee = UserFactory(), UserFactory(), UserFactory()
    make_supervision(senior, in_training)
    make_supervision(in_training, trainee)
    entry = submit(entry_start(author=trainee, template_version=library_template.versions.get()))
    entry_sharing_set(entry=entry, supervisors=[in_training], allowed=[in_training])
    assert can(in_training, "view_entry", entry)
    assert not can(senior, "view_entry", entry)
    assert list(entries_shared_with(senior)) == []


def test_filters_of_ones_own_entries(
    trainee, library_template, make_template, supervisor, supervision
):
    other = make_template(title="Another worksheet")
    private = submit(entry_start(author=trainee, template_version=library_template.versions.get()))
    shared = submit(
        entry_start(author=trainee, template_version=other.versions.get()),
        answers={
            "what_happened": "Talked about Mr Heron",
            "how_upset_was_i": 2,
            "where_was_i": "At home",
        },
    )
    entry_sharing_set(entry=shared, supervisors=[supervisor], allowed=[supervisor])
    draft = entry_start(author=trainee, template_version=library_template.versions.get())
    assert set(entries_of(trainee)) == {private, shared, draft}
    assert list(entries_of(trainee, sharing="shared")) == [shared]
    assert set(entries_of(trainee, sharing="private")) == {private, draft}
    assert list(entries_of(trainee, search="heron")) == [shared]
    assert set(entries_of(trainee, template="A library worksheet")) == {private, draft}
    assert list(entries_of(trainee, status="draft")) == [draft]
    today = private.created_at.date()
    assert len(entries_of(trainee, date_from=today, date_to=today)) == 3
    assert not entries_of(trainee, date_to=today.replace(year=today.year - 1))
    assert not entries_of(supervisor)
