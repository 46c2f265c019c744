"""Serving a recording: Range requests, refusals, and headers that keep it out of caches."""

import pytest
from django.urls import reverse

from recordings.serving import parse_range
from tests.recordings.conftest import WAV, make_recording

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(client, supervision):
    recording = make_recording(supervision, handed_in=True)
    client.force_login(supervision.supervisor)
    return reverse("recordings:media", args=[recording.pk])


def body(response) -> bytes:
    return b"".join(response.streaming_content)


def test_the_whole_file_without_a_range(client, media):
    response = client.get(media)
    assert response.status_code == 200
    assert body(response) == WAV
    assert response["Accept-Ranges"] == "bytes"
    assert response["Cache-Control"] == "private, no-store"
    assert response["Content-Type"] == "audio/wav"


@pytest.mark.parametrize(
    ("header", "first", "last"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=100-", 100, len(WAV) - 1),
        ("bytes=-10", len(WAV) - 10, len(WAV) - 1),
    ],
)
def test_a_range_gets_206_with_those_bytes(client, media, header, first, last):
    response = client.get(media, HTTP_RANGE=header)
    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {first}-{last}/{len(WAV)}"
    assert body(response) == WAV[first : last + 1]
    assert response["Content-Length"] == str(last - first + 1)


@pytest.mark.parametrize("header", [f"bytes={len(WAV)}-", "bytes=abc", "items=0-1", "bytes=9-3"])
def test_a_bad_or_unsatisfiable_range_gets_416(client, media, header):
    response = client.get(media, HTTP_RANGE=header)
    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(WAV)}"
    assert response.content.decode()


def test_the_web_server_sends_the_file_when_configured(client, media, settings):
    settings.RECORDING_SENDFILE_HEADER = "X-Accel-Redirect"
    response = client.get(media, HTTP_RANGE="bytes=0-9")
    assert response["X-Accel-Redirect"].startswith("/protected-recordings/recordings/")
    assert response.content == b""


def test_parse_range_clamps_the_end():
    assert parse_range("bytes=0-999999", 100) == (0, 99)
