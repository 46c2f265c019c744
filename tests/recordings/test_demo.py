"""The demo recording: generated tones with a self-review, released comments, a reply and a rating."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from recordings.models import Recording, RecordingComment, RecordingCommentReply, RecordingRating
from supervision.models import User

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Recording.objects.values_list("pk", "handed_in_at")),
        list(RecordingComment.objects.values_list("pk", "status")),
        RecordingCommentReply.objects.count(),
        RecordingRating.objects.count(),
    )


def test_seed_demo_makes_one_reviewed_recording_idempotently(client):
    call_command("seed_demo")
    first = snapshot()
    recording = Recording.objects.get()
    assert recording.is_handed_in and recording.content_type == "audio/wav"
    assert {status for _pk, status in first[1]} == {"released"} and len(first[1]) == 3
    assert first[2] == 1 and first[3] == 1
    assert RecordingRating.objects.get().entry.is_released
    call_command("seed_demo")
    assert snapshot() == first

    client.force_login(User.objects.get(email="trainee1@example.org"))
    html = client.get(reverse("recordings:detail", args=[recording.pk])).content.decode()
    assert "Ask for her summary" not in html  # the demo's words are its own
    assert "Good bridge from last session" in html and "Play from" in html
    media = client.get(reverse("recordings:media", args=[recording.pk]), HTTP_RANGE="bytes=0-43")
    assert media.status_code == 206 and b"".join(media.streaming_content).startswith(b"RIFF")
