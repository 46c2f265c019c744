"""Simultaneous identical posts on PostgreSQL: each recording form's one-time key creates once."""

import io
import uuid

import pytest
from django.urls import reverse

from notifications.models import Notification
from recordings.models import Recording, RecordingComment, RecordingCommentReply, RecordingRating
from recordings.services import (
    comment_create,
    comments_release,
    default_delete_by,
    recording_upload_store,
)
from tests.concurrency import (  # postgres_only: autouse, skips these on SQLite
    THREADS,
    post_at_once,
    postgres_only,  # noqa: F401
)
from tests.factories import make_supervision
from tests.recordings.conftest import WAV, make_recording
from tests.worksheets.scoring.factories import make_questionnaire, questionnaire_template

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _one_redirect(responses) -> str:
    assert [r.status_code for r in responses] == [302] * THREADS
    locations = {r["Location"] for r in responses}
    assert len(locations) == 1
    return locations.pop()


def test_the_same_new_recording_sent_at_once_is_stored_once():
    supervision = make_supervision()
    owner = supervision.supervisee
    upload = recording_upload_store(owner=owner, file_name="new.wav", handle=io.BytesIO(WAV))
    data = {
        "submission_key": str(uuid.uuid4()),
        "upload": str(upload.pk),
        "supervision": str(supervision.pk),
        "kind": "therapy",
        "description": "Session 5.",
        "consent_by": "The patient (Mr K.)",
        "consent_method": "written",
        "consent_on": "2026-01-05",
        "consent_use": "Supervision",
        "delete_by": str(default_delete_by()),
    }
    responses = post_at_once(owner, reverse("recordings:new"), data)
    recording = Recording.objects.get(description="Session 5.")
    assert _one_redirect(responses) == reverse("recordings:detail", args=[recording.pk])


def test_the_same_comment_reply_and_rating_sent_at_once_are_each_made_once():
    supervision = make_supervision()
    supervisor, owner = supervision.supervisor, supervision.supervisee
    recording = make_recording(supervision, handed_in=True)
    comment_url = reverse("recordings:comment_add", args=[recording.pk])
    comment_data = {"submission_key": str(uuid.uuid4()), "seconds": "1.0", "body": "Here."}
    _one_redirect(post_at_once(supervisor, comment_url, comment_data))
    assert RecordingComment.objects.count() == 1

    released = comment_create(recording=recording, author=supervisor, seconds=2, body="Note.")
    comments_release(recording=recording, releaser=supervisor)
    notices = Notification.objects.count()
    reply_data = {"submission_key": str(uuid.uuid4()), "body": "Thank you."}
    reply_url = reverse("recordings:comment_reply", args=[released.pk])
    _one_redirect(post_at_once(owner, reply_url, reply_data))
    assert RecordingCommentReply.objects.count() == 1
    assert Notification.objects.count() == notices + 1  # the supervisor, told once

    rating = make_questionnaire(slug="at-once-rating", title="Rating", rated_by_someone_else=True)
    version = questionnaire_template(rating).versions.get()
    rating_data = {"submission_key": str(uuid.uuid4()), "template_version": str(version.pk)}
    rating_url = reverse("recordings:rating_start", args=[recording.pk])
    _one_redirect(post_at_once(supervisor, rating_url, rating_data))
    assert RecordingRating.objects.filter(recording=recording).count() == 1
