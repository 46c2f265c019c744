"""Retention with frozen time: what is older than its period goes, the rest stays, each run is recorded."""

from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.utils import timezone

from privacy.models import DataExport, RetentionRun
from privacy.retention import retention_apply
from supervision.models import ReadRecord
from worksheets.models import Entry
from worksheets.services.entries import entry_start

START = timezone.datetime(2026, 1, 5, 9, 0, tzinfo=timezone.UTC)


def _read(reader, owner):
    return ReadRecord.objects.create(
        reader=reader, owner=owner, subject="worksheets.entry", object_id=1, path="/x/"
    )


@pytest.fixture
def periods(settings):
    settings.PRIVACY_RETENTION = {
        "untouched_drafts_days": 30,
        "read_records_days": 90,
        "export_files_hours": 24,
    }


@pytest.mark.django_db(transaction=True)
def test_untouched_drafts_old_reads_and_spent_exports_go(
    periods, supervisee, supervisor, shared_entry, homework_entry_with_file, worksheet
):
    with time_machine.travel(START, tick=False):
        old_draft = entry_start(author=supervisee, template_version=worksheet.versions.get())
        old_read = _read(supervisor, supervisee)
        export = DataExport.objects.create(person=supervisee)
        from privacy.exporting import export_build

        export_build(export_id=export.pk)
        export.refresh_from_db()
        stored = export.file
    with time_machine.travel(START + timedelta(days=29), tick=False):
        recent_draft = entry_start(author=supervisee, template_version=worksheet.versions.get())
        recent_read = _read(supervisor, supervisee)
    homework_entry = homework_entry_with_file  # made "now", long after START
    attachment = homework_entry.attachments.get().file

    with time_machine.travel(START + timedelta(days=31), tick=False):
        run = retention_apply()

    assert run.removed == {"untouched_drafts": 1, "read_records": 0, "export_files": 1}
    assert not Entry.objects.filter(pk=old_draft.pk).exists()
    assert (
        Entry.objects.filter(pk__in=[recent_draft.pk, shared_entry.pk, homework_entry.pk]).count()
        == 3
    )
    assert attachment.storage.exists(attachment.name)
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED and not export.file
    assert not stored.storage.exists(stored.name)

    with time_machine.travel(START + timedelta(days=91), tick=False):
        later = retention_apply()
    assert later.removed["read_records"] == 1
    assert set(ReadRecord.objects.values_list("pk", flat=True)) == {recent_read.pk}
    assert old_read.pk not in ReadRecord.objects.values_list("pk", flat=True)
    assert RetentionRun.objects.count() == 2


@pytest.mark.django_db
def test_a_period_of_none_keeps_that_kind_for_ever(settings, supervisee, supervisor):
    settings.PRIVACY_RETENTION = {"read_records_days": None}
    with time_machine.travel(START, tick=False):
        _read(supervisor, supervisee)
    with time_machine.travel(START + timedelta(days=5000), tick=False):
        assert retention_apply().removed["read_records"] == 0


@pytest.mark.django_db
def test_a_downloaded_export_loses_its_file_at_the_next_run(supervisee):
    export = DataExport.objects.create(
        person=supervisee, status="downloaded", downloaded_at=timezone.now(), file="exports/x.zip"
    )
    assert retention_apply().removed["export_files"] == 1
    export.refresh_from_db()
    assert export.status == DataExport.Status.EXPIRED


@pytest.mark.django_db
def test_the_command_applies_retention_and_says_what_it_removed(
    capsys, settings, supervisee, supervisor
):
    settings.PRIVACY_RETENTION = {"read_records_days": 30}
    with time_machine.travel(timezone.now() - timedelta(days=31), tick=False):
        _read(supervisor, supervisee)
    call_command("privacy_retention")
    assert "read records: 1" in capsys.readouterr().out
    assert RetentionRun.objects.get().removed["read_records"] == 1
