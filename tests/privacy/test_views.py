"""The privacy pages: preparing and downloading one's export, reads, the audit, erasing a person."""

import io
import zipfile
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from privacy.models import DataExport, Erasure
from supervision.models import ReadRecord, User
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory
from tests.privacy.conftest import reauthenticated


@pytest.mark.django_db
def test_preparing_an_export_asks_for_the_password_again_first(client, supervisee):
    client.force_login(supervisee)
    response = client.post(reverse("privacy:export"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    assert not DataExport.objects.exists()


@pytest.mark.django_db
def test_a_trainee_prepares_and_downloads_their_export_once(
    client, supervisee, shared_entry, django_capture_on_commit_callbacks
):
    reauthenticated(client, supervisee)
    with django_capture_on_commit_callbacks(execute=True):
        waiting = client.post(reverse("privacy:export"), follow=True).content.decode()
    assert "being prepared" in waiting and "<progress" in waiting
    export = DataExport.objects.get(person=supervisee)
    assert export.status == DataExport.Status.READY
    page = client.get(reverse("privacy:export")).content.decode()
    assert reverse("privacy:export_download", args=[export.pk]) in page

    download = client.get(reverse("privacy:export_download", args=[export.pk]))
    assert download.status_code == 200
    assert "no-store" in download["Cache-Control"]
    archive = zipfile.ZipFile(io.BytesIO(b"".join(download.streaming_content)))
    assert "A hard session" in archive.read("index.html").decode()

    again = client.get(reverse("privacy:export_download", args=[export.pk]), follow=True)
    assert "already been downloaded once" in again.content.decode()


@pytest.mark.django_db
def test_an_expired_export_is_refused_with_a_clear_message(client, supervisee):
    now = timezone.now()
    export = DataExport.objects.create(
        person=supervisee,
        status="ready",
        finished_at=now - timedelta(days=4),
        expires_at=now - timedelta(days=1),
    )
    client.force_login(supervisee)
    response = client.get(reverse("privacy:export_download", args=[export.pk]), follow=True)
    assert "This export has expired" in response.content.decode()


@pytest.mark.django_db
def test_someone_elses_export_does_not_exist_even_for_an_administrator(
    client, supervisee, administrator
):
    export = DataExport.objects.create(person=supervisee)
    client.force_login(administrator)
    assert client.get(reverse("privacy:export_download", args=[export.pk])).status_code == 404
    assert client.get(reverse("privacy:export_status", args=[export.pk])).status_code == 404


@pytest.mark.django_db
def test_the_progress_fragment_polls_while_the_export_is_prepared(client, supervisee):
    export = DataExport.objects.create(person=supervisee, status="building", progress=40)
    client.force_login(supervisee)
    page = client.get(reverse("privacy:export_status", args=[export.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in page and 'value="40"' in page


@pytest.mark.django_db
def test_the_reads_page_lists_who_read_what_in_a_fixed_number_of_queries(
    client, supervisee, supervisor
):
    def read(count):
        ReadRecord.objects.bulk_create(
            ReadRecord(
                reader=supervisor,
                owner=supervisee,
                subject="worksheets.entry",
                object_id=n,
                path=f"/worksheets/entries/{n}/",
            )
            for n in range(count)
        )

    client.force_login(supervisee)
    read(1)
    with CaptureQueriesContext(connection) as one:
        page = client.get(reverse("privacy:reads")).content.decode()
    one_count = len(one)  # at once: the next request clears the connection's log
    assert "Sam Supervisor" in page and "Entry" in page
    read(30)
    with CaptureQueriesContext(connection) as many:
        page = client.get(reverse("privacy:reads")).content.decode()
    assert len(many) == one_count
    assert page.count("Sam Supervisor") == 31


@pytest.mark.django_db
def test_administrators_search_the_audit_by_person_and_period(
    client, administrator, supervisee, supervisor
):
    other = UserFactory(display_name="Zed Else")
    ReadRecord.objects.create(
        reader=supervisor, owner=supervisee, subject="worksheets.entry", object_id=7, path="/"
    )
    ReadRecord.objects.create(
        reader=other, owner=other, subject="supervision.case", object_id=8, path="/"
    )
    client.force_login(administrator)
    page = client.get(reverse("privacy:audit"), {"person": "tess"}).content.decode()
    assert "Sam Supervisor" in page and "Entry #7" in page and "Zed Else" not in page
    tomorrow = timezone.localdate() + timedelta(days=1)
    empty = client.get(
        reverse("privacy:audit"), {"date_from": tomorrow.isoformat()}
    ).content.decode()
    assert "No reads match" in empty
    wrong = client.get(
        reverse("privacy:audit"), {"date_from": "2026-05-02", "date_to": "2026-05-01"}
    ).content.decode()
    assert "must not be before its start" in wrong


@pytest.mark.django_db
def test_an_administrator_erases_a_trainee_after_confirming_and_reauthenticating(
    client, administrator, supervision, shared_entry
):
    supervisee = supervision.supervisee
    supervision_end(supervision=supervision)
    reauthenticated(client, administrator)
    url = reverse("privacy:erase", args=[supervisee.pk])
    preview = client.get(url).content.decode()
    assert "Entries" in preview and "Deleted" in preview and "Kept" in preview

    wrong = client.post(url, {"email": "someone@else.org"})
    assert wrong.status_code == 400
    assert "not the e-mail address" in wrong.content.decode()
    assert 'value="someone@else.org"' in wrong.content.decode()
    assert User.objects.get(pk=supervisee.pk).is_active

    done = client.post(url, {"email": supervisee.email.upper()}, follow=True)
    erasure = Erasure.objects.get(person=supervisee)
    assert done.redirect_chain[-1][0] == reverse("privacy:erasure", args=[erasure.pk])
    assert f"Erased person #{supervisee.pk}" in done.content.decode()
    assert client.get(url).status_code == 302  # the page of an erased person is its report


@pytest.mark.django_db
def test_erasing_someone_in_a_current_relationship_is_refused_with_the_reason(
    client, administrator, supervision
):
    reauthenticated(client, administrator)
    url = reverse("privacy:erase", args=[supervision.supervisee_id])
    page = client.get(url).content.decode()
    assert "current supervision relationship" in page
    response = client.post(url, {"email": supervision.supervisee.email})
    assert response.status_code == 400
    assert "End it first" in response.content.decode()
    assert not Erasure.objects.exists()


@pytest.mark.django_db
def test_the_wagtail_delete_of_a_person_goes_to_erasure_never_a_500(
    client, administrator, supervision, shared_entry
):
    client.force_login(administrator)
    path = reverse("wagtailusers_users:delete", args=[supervision.supervisee_id])
    for response in (client.get(path), client.post(path)):
        assert response.status_code == 302
        assert response["Location"] == reverse("privacy:erase", args=[supervision.supervisee_id])
    assert User.objects.filter(pk=supervision.supervisee_id, is_active=True).exists()
    assert client.get("/cms/users/delete/not-a-number/").status_code == 404


@pytest.mark.django_db
def test_the_reads_and_the_audit_page_keeping_the_search(
    client, administrator, supervisee, supervisor, monkeypatch
):
    monkeypatch.setattr("privacy.views.PAGE_SIZE", 1)
    for number in range(3):
        ReadRecord.objects.create(
            reader=supervisor,
            owner=supervisee,
            subject="worksheets.entry",
            object_id=number,
            path="/",
        )
    client.force_login(supervisee)
    reads = client.get(reverse("privacy:reads"), {"page": 2}).content.decode()
    assert 'aria-label="Pages of reads"' in reads and "Page 2 of 3" in reads
    assert 'href="?page=1">Newer</a>' in reads and 'href="?page=3">Older</a>' in reads

    client.force_login(administrator)
    url = reverse("privacy:audit")
    first, last = (
        client.get(url, {"person": "tess", "page": page}).content.decode() for page in (1, 3)
    )
    assert 'aria-label="Pages of the audit"' in first
    assert 'href="?person=tess&amp;page=2">Older</a>' in first and "Newer</a>" not in first
    assert 'href="?person=tess&amp;page=2">Newer</a>' in last and "Older</a>" not in last
