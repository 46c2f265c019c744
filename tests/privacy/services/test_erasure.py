"""Erasing a person: refused with a clear reason, or done whole in one transaction with a report."""

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from feedback.models import Feedback
from homework.models import EntryAttachment
from privacy.services.erasure import erasure_preview, person_erase
from supervision.models import Meeting, ReadRecord, Supervision, User
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_meeting
from worksheets.models import Entry


def _end(supervision):
    return supervision_end(supervision=supervision)


@pytest.mark.django_db
def test_a_person_in_a_current_relationship_is_not_erased(administrator, supervision):
    with pytest.raises(ValidationError, match="current supervision relationship"):
        person_erase(person=supervision.supervisee, actor=administrator)
    assert User.objects.get(pk=supervision.supervisee_id).email.endswith("@example.org")


@pytest.mark.django_db
def test_the_last_administrator_cannot_be_erased(administrator):
    with pytest.raises(ValidationError, match="last administrator"):
        person_erase(person=administrator, actor=administrator)
    second = UserFactory(is_superuser=True, is_staff=True)
    person_erase(person=administrator, actor=second)


@pytest.mark.django_db(transaction=True)
def test_erasing_a_supervisee_deletes_their_writing_and_keeps_the_supervisors_records(
    administrator, supervision, shared_entry, released_feedback, homework_entry_with_file
):
    supervisee, supervisor = supervision.supervisee, supervision.supervisor
    meeting = make_meeting(supervision, summary="We looked at the rescuing urge.")
    ReadRecord.objects.create(
        reader=supervisor, owner=supervisee, subject="worksheets.entry", object_id=1, path="/"
    )
    attachment = EntryAttachment.objects.get()
    files = [attachment.file, released_feedback.attachment]
    assert all(stored.storage.exists(stored.name) for stored in files)
    _end(supervision)

    erasure = person_erase(person=supervisee, actor=administrator)

    tombstone = User.objects.get(pk=supervisee.pk)
    assert tombstone.name == f"Erased person #{supervisee.pk}"
    assert tombstone.email.endswith("@erased.invalid") and not tombstone.is_active
    assert not tombstone.has_usable_password()
    assert not Entry.objects.filter(author=supervisee).exists()
    assert not Feedback.objects.exists()  # feedback on their entries went with them
    assert not EntryAttachment.objects.exists()
    assert not any(stored.storage.exists(stored.name) for stored in files)
    assert Meeting.objects.get(pk=meeting.pk).summary == "We looked at the rescuing urge."
    assert Supervision.objects.get(pk=supervision.pk).supervisee.name == tombstone.name
    assert ReadRecord.objects.filter(owner=supervisee).count() == 1  # append-only
    report = {line["what"]: line for line in erasure.report}
    assert report["entries"]["action"] == "delete" and report["entries"]["count"] == 2
    assert report["feedback"]["action"] == "delete"
    assert report["supervisions"]["action"] == "keep"
    assert "tombstone" in report["supervisions"]["reason"]


@pytest.mark.django_db(transaction=True)
def test_a_failure_half_way_changes_nothing_and_keeps_every_file(
    administrator, supervision, homework_entry_with_file, monkeypatch
):
    from privacy.services import erasure as erasure_module

    _end(supervision)
    stored = EntryAttachment.objects.get().file

    def broken(person):
        raise RuntimeError("disk full")

    monkeypatch.setattr(erasure_module, "_tombstone", broken)
    with pytest.raises(RuntimeError):
        person_erase(person=supervision.supervisee, actor=administrator)
    assert Entry.objects.filter(author=supervision.supervisee).exists()
    assert stored.storage.exists(stored.name)


@pytest.mark.django_db
def test_erasing_twice_is_refused(administrator, supervision):
    _end(supervision)
    person_erase(person=supervision.supervisee, actor=administrator)
    with pytest.raises(ValidationError, match="already been erased"):
        person_erase(person=User.objects.get(pk=supervision.supervisee_id), actor=administrator)


@pytest.mark.django_db
def test_the_preview_counts_what_would_go_and_changes_nothing(
    administrator, supervision, shared_entry
):
    lines, refusals = erasure_preview(person=supervision.supervisee, actor=administrator)
    entries = next(line for line in lines if line.what == "entries")
    assert entries.count == 1 and entries.action == "delete"
    assert refusals  # the relationship is still current
    with transaction.atomic():
        assert Entry.objects.filter(pk=shared_entry.pk).exists()
