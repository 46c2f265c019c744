"""The read audit: one insert per read by someone else, refusals too, shown to the owner, never changed."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from supervision.audit import reads_of
from supervision.models import ReadRecord, User
from tests.factories import UserFactory, make_case, make_meeting
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create


@pytest.fixture
def shared_entry(supervisee, supervisor, supervision):
    worksheet = worksheet_template_create(title="Small worksheet", body=SMALL_BODY, publish=True)
    entry = submit(entry_start(author=supervisee, template_version=worksheet.versions.get()))
    return entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])


@pytest.mark.django_db
def test_a_supervisor_reading_a_shared_entry_is_recorded_and_shown_to_its_author(
    client, supervisor, supervisee, shared_entry
):
    url = reverse("worksheets:entry_detail", args=[shared_entry.pk])
    client.force_login(supervisor)
    assert client.get(url).status_code == 200
    record = ReadRecord.objects.get()
    assert (record.reader, record.owner, record.subject, record.object_id) == (
        supervisor,
        supervisee,
        "worksheets.entry",
        shared_entry.pk,
    )
    assert record.outcome == ReadRecord.Outcome.READ and record.path == url

    client.force_login(supervisee)
    page = client.get(url).content.decode()
    assert "Read by Sam Supervisor" in page
    assert ReadRecord.objects.count() == 1  # the author's own reading is not recorded


@pytest.mark.django_db
def test_a_refused_read_is_recorded_without_an_owner(client, shared_entry):
    stranger = UserFactory()
    client.force_login(stranger)
    assert client.get(reverse("worksheets:entry_detail", args=[shared_entry.pk])).status_code == 404
    refusal = ReadRecord.objects.get()
    assert refusal.outcome == ReadRecord.Outcome.REFUSED
    assert refusal.reader == stranger and refusal.owner is None


@pytest.mark.django_db
def test_reading_a_case_and_a_meeting_is_recorded_for_their_owners(client, supervision):
    case = make_case(supervision)
    meeting = make_meeting(supervision)
    client.force_login(supervision.supervisor)
    client.get(reverse("supervision:case_detail", args=[case.pk]))
    client.force_login(supervision.supervisee)
    client.get(reverse("supervision:meeting_detail", args=[meeting.pk]))
    owners = dict(ReadRecord.objects.values_list("subject", "owner"))
    assert owners == {
        "supervision.case": supervision.supervisee_id,
        "supervision.meeting": supervision.supervisor_id,
    }
    client.force_login(supervision.supervisee)
    assert (
        "Read by" in client.get(reverse("supervision:case_detail", args=[case.pk])).content.decode()
    )


@pytest.mark.django_db
def test_the_audit_adds_one_query_to_a_read_and_one_to_the_owners_page(
    client, supervisor, supervisee, shared_entry
):
    url = reverse("worksheets:entry_detail", args=[shared_entry.pk])
    client.force_login(supervisor)
    client.get(url)  # warm up what is cached per process
    with CaptureQueriesContext(connection) as reading:
        client.get(url)
        inserts = [q for q in reading.captured_queries if "readrecord" in q["sql"]]
    assert len(inserts) == 1

    # Counted at once: every request clears the connection's log of queries.
    client.force_login(supervisee)
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    few_count = len(few)
    for _ in range(15):
        client.force_login(supervisor)
        client.get(url)
    client.force_login(supervisee)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert page.count("Read by Sam Supervisor") == 10  # the latest ten, then a link to them all
    assert len(many) == few_count


@pytest.mark.django_db
def test_read_records_are_append_only(supervisor, supervisee):
    record = ReadRecord.objects.create(
        reader=supervisor, owner=supervisee, subject="worksheets.entry", object_id=1, path="/"
    )
    record.path = "/changed/"
    with pytest.raises(TypeError):
        record.save()
    with pytest.raises(TypeError):
        record.delete()
    with pytest.raises(TypeError):
        ReadRecord.objects.filter(pk=record.pk).update(path="/changed/")
    assert ReadRecord.objects.get().path == "/"


@pytest.mark.django_db
def test_the_owners_list_of_reads_loads_when_and_the_readers_name_only(
    supervisor, supervisee, supervision
):
    """``reads_of`` shows who and when: the reader's name columns, never their password hash."""
    case = make_case(supervision)
    ReadRecord.objects.create(
        reader=supervisor, owner=supervisee, subject="supervision.case", object_id=case.pk, path="/"
    )
    [read] = reads_of(case)
    assert read.reader.name == supervisor.name
    assert read.reader.get_deferred_fields() == {f.attname for f in User._meta.concrete_fields} - {
        "id",
        *User.NAME_FIELDS,
    }
    assert read.get_deferred_fields() == {"owner_id", "subject", "object_id", "path", "outcome"}
