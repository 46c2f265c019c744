"""The tus endpoint: creating, appending in pieces, resuming after a drop, limits and content."""

import base64

import pytest
from django.urls import reverse

from recordings.models import RecordingUpload
from tests.factories import UserFactory
from tests.recordings.conftest import WAV

pytestmark = pytest.mark.django_db

TUS = {"HTTP_TUS_RESUMABLE": "1.0.0"}


def metadata(name: str) -> str:
    return "filename " + base64.b64encode(name.encode()).decode()


def create(client, length: int, name: str = "session.wav"):
    return client.post(
        reverse("recordings:upload_create"),
        HTTP_UPLOAD_LENGTH=str(length),
        HTTP_UPLOAD_METADATA=metadata(name),
        **TUS,
    )


def patch(client, location: str, offset: int, data: bytes):
    return client.generic(
        "PATCH",
        location,
        data,
        content_type="application/offset+octet-stream",
        HTTP_UPLOAD_OFFSET=str(offset),
        **TUS,
    )


@pytest.fixture
def trainee(client, supervision):
    client.force_login(supervision.supervisee)
    return supervision.supervisee


def test_an_upload_resumes_where_it_stopped(client, trainee):
    created = create(client, len(WAV))
    assert created.status_code == 201
    location = created["Location"]
    assert patch(client, location, 0, WAV[:5000]).status_code == 204
    # The connection dropped; the client asks how far it got and carries on from there.
    head = client.head(location, **TUS)
    assert head.status_code == 200 and head["Upload-Offset"] == "5000"
    assert "no-store" in head["Cache-Control"]
    stale = patch(client, location, 0, WAV[:5000])
    assert stale.status_code == 409
    done = patch(client, location, 5000, WAV[5000:])
    assert done.status_code == 204 and done["Upload-Offset"] == str(len(WAV))
    upload = RecordingUpload.objects.get()
    assert upload.is_complete and upload.duration_seconds == pytest.approx(4.0)


def test_someone_else_cannot_resume_it(client, trainee, supervisor):
    location = create(client, len(WAV))["Location"]
    patch(client, location, 0, WAV[:100])
    client.force_login(supervisor)
    assert client.head(location, **TUS).status_code == 404
    assert patch(client, location, 100, WAV[100:]).status_code == 404
    assert RecordingUpload.objects.get().offset == 100


def test_content_that_is_not_media_is_refused_and_removed(client, trainee):
    data = b"%PDF-1.7\n" + b"not a recording " * 200
    location = create(client, len(data), "notes.mp3")["Location"]
    refused = patch(client, location, 0, data)
    assert refused.status_code == 422
    assert "not an audio or video recording" in refused.content.decode()
    assert not RecordingUpload.objects.exists()


@pytest.mark.parametrize(
    ("length", "name", "status", "message"),
    [
        (0, "a.wav", 400, "empty"),
        (3 * 1024 * 1024, "a.wav", 413, "at most 2 MB"),
        (100, "a.exe", 415, "cannot be uploaded"),
    ],
)
def test_bad_uploads_are_refused_before_any_byte(
    client, trainee, settings, length, name, status, message
):
    settings.RECORDING_MAX_BYTES = 2 * 1024 * 1024
    response = create(client, length, name)
    assert response.status_code == status
    assert message in response.content.decode()
    assert not RecordingUpload.objects.exists()


def test_more_bytes_than_announced_are_refused(client, trainee):
    location = create(client, 10)["Location"]
    assert patch(client, location, 0, b"x" * 20).status_code == 413
    assert RecordingUpload.objects.get().offset == 0


def test_only_supervisees_upload(client):
    client.force_login(UserFactory())
    assert create(client, 100).status_code == 403
