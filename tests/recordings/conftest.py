"""Recordings for tests: a short generated WAV, uploaded and created through the services."""

import datetime
import io

from django.utils import timezone

from recordings.demo import tone_wav
from recordings.models import Recording
from recordings.services import (
    default_delete_by,
    recording_create,
    recording_hand_in,
    recording_upload_store,
)

WAV = tone_wav(4.0)


def make_recording(supervision, *, handed_in=False, **fields) -> Recording:
    owner = supervision.supervisee
    upload = recording_upload_store(owner=owner, file_name="session.wav", handle=io.BytesIO(WAV))
    details = {
        "kind": Recording.Kind.THERAPY,
        "description": "Session 3: agenda setting.",
        "consent_by": "The patient (Mr K.)",
        "consent_method": Recording.ConsentMethod.WRITTEN,
        "consent_on": timezone.localdate() - datetime.timedelta(days=2),
        "consent_use": "Supervision",
        "delete_by": default_delete_by(),
        **fields,
    }
    recording = recording_create(owner=owner, upload=upload, supervision=supervision, **details)
    if handed_in:
        recording = recording_hand_in(recording=recording, actor=owner)
    return recording
