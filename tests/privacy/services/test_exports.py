"""Asking for an export and claiming its one download."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from privacy.models import DataExport
from privacy.services.exports import export_download_claim, export_request


@pytest.mark.django_db
def test_asking_twice_prepares_one_export(supervisee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False) as queued:
        first = export_request(person=supervisee)
        second = export_request(person=supervisee)
    assert first.pk == second.pk
    assert len(queued) == 1
    assert DataExport.objects.count() == 1


@pytest.mark.django_db
def test_the_export_is_built_once_committed(supervisee, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        export = export_request(person=supervisee)
    export.refresh_from_db()
    assert export.status == DataExport.Status.READY and export.file


@pytest.mark.django_db
def test_an_export_is_downloaded_once_and_not_after_it_expires(supervisee):
    now = timezone.now()
    ready = DataExport.objects.create(
        person=supervisee, status="ready", finished_at=now, expires_at=now + timedelta(hours=1)
    )
    export_download_claim(export=ready, now=now)
    with pytest.raises(ValidationError, match="already been downloaded"):
        export_download_claim(export=ready, now=now)

    late = DataExport.objects.create(
        person=supervisee, status="ready", finished_at=now, expires_at=now + timedelta(hours=1)
    )
    with pytest.raises(ValidationError, match="expired"):
        export_download_claim(export=late, now=now + timedelta(hours=2))
    building = DataExport.objects.create(person=supervisee, status="building")
    with pytest.raises(ValidationError, match="not ready"):
        export_download_claim(export=building, now=now)
