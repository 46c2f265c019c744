"""The demo recording: a few seconds of tones made here with the stdlib ``wave`` module (no
voices, nothing third-party), uploaded by Lina, handed in, with her self-review, Dr Holt's
released comments, a reply, and Dr Holt's released competence rating linked to it.

Running it again changes nothing: the recording is found again by its description, comments
and replies by their tokens.
"""

import datetime
import io
import math
import struct
import uuid
import wave

from django.db import transaction
from django.utils import timezone

from questionnaires.demo import DEMO_NAMESPACE as QUESTIONNAIRES_DEMO
from recordings.models import Recording, RecordingComment, RecordingRating
from recordings.services import (
    comment_create,
    comment_reply,
    comments_release,
    default_delete_by,
    recording_create,
    recording_hand_in,
    recording_upload_store,
)
from supervision.models import Supervision, User
from worksheets.demo import DEMO_NAMESPACE
from worksheets.models import Entry

DESCRIPTION = "Session 6 with “Ms Reed”: agenda setting and the homework review (demo tones)."
SAMPLE_RATE = 8000


def tone_wav(seconds: float = 6.0, *, notes=(392.0, 440.0, 494.0, 523.0)) -> bytes:
    """A mono 16-bit WAV of ``seconds`` of tones, one note after another (a few KB a second)."""
    frames = bytearray()
    total = int(seconds * SAMPLE_RATE)
    per_note = max(total // len(notes), 1)
    for index in range(total):
        frequency = notes[min(index // per_note, len(notes) - 1)]
        value = int(9000 * math.sin(2 * math.pi * frequency * index / SAMPLE_RATE))
        frames += struct.pack("<h", value)
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(SAMPLE_RATE)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


def _token(name: str) -> uuid.UUID:
    return uuid.uuid5(DEMO_NAMESPACE, f"recording-{name}")


@transaction.atomic
def seed_recordings(people: dict[str, User]) -> None:
    supervisor, lina = people["supervisor"], people["trainee1"]
    supervision = (
        Supervision.objects.active().filter(supervisor=supervisor, supervisee=lina).first()
    )
    if supervision is None:
        return
    recording = Recording.objects.filter(owner=lina, description=DESCRIPTION).first()
    if recording is None:
        upload = recording_upload_store(
            owner=lina, file_name="session-6-demo.wav", handle=io.BytesIO(tone_wav())
        )
        recording = recording_create(
            owner=lina,
            upload=upload,
            supervision=supervision,
            case=supervision.cases.order_by("pk").first(),
            kind=Recording.Kind.THERAPY,
            description=DESCRIPTION,
            consent_by="The patient (pseudonym “Ms Reed”)",
            consent_method=Recording.ConsentMethod.WRITTEN,
            consent_on=timezone.localdate() - datetime.timedelta(days=10),
            consent_use="Individual supervision and training",
            delete_by=default_delete_by(),
        )
    comment_create(
        recording=recording,
        author=lina,
        seconds=1.0,
        body="Here I set the agenda too quickly and did not ask what she wanted to add.",
        client_token=_token("self-1"),
    )
    recording_hand_in(recording=recording, actor=lina)
    first = comment_create(
        recording=recording,
        author=supervisor,
        seconds=2.5,
        body="Good bridge from last session. Try asking for her summary before giving yours.",
        client_token=_token("holt-1"),
    )
    comment_create(
        recording=recording,
        author=supervisor,
        seconds=4.5,
        body="The homework review is thorough; note how long it takes compared with the agenda.",
        client_token=_token("holt-2"),
    )
    comments_release(recording=recording, releaser=supervisor)
    first = RecordingComment.objects.get(pk=first.pk)
    comment_reply(
        comment=first,
        author=lina,
        body="I will try that next week and bring the recording.",
        client_token=_token("lina-reply-1"),
    )
    # The released competence rating of the questionnaires demo was made on this session.
    rating = Entry.objects.filter(
        author=supervisor,
        subject=lina,
        start_token=uuid.uuid5(QUESTIONNAIRES_DEMO, "holt-rates-lina"),
    ).first()
    if rating is not None:
        RecordingRating.objects.get_or_create(entry=rating, defaults={"recording": recording})
