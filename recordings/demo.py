"""The demo recording: a few seconds of tones made here with the stdlib ``wave`` module (no
voices, nothing third-party), uploaded by Lina, handed in, with her self-review, Dr Holt's
released comments, a reply, and Dr Holt's released competence rating linked to it.

Running it again changes nothing: the recording is found again by its description, comments
and replies by their author and text.
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


def _comment(recording: Recording, author: User, seconds: float, body: str) -> RecordingComment:
    # Found again by what it says (its natural key), so seeding twice comments once.
    found = RecordingComment.objects.filter(recording=recording, author=author, body=body).first()
    return found or comment_create(recording=recording, author=author, seconds=seconds, body=body)


def _reply(comment: RecordingComment, author: User, body: str) -> None:
    if not comment.replies.filter(author=author, body=body).exists():
        comment_reply(comment=comment, author=author, body=body)


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
    _comment(
        recording,
        lina,
        1.0,
        "Here I set the agenda too quickly and did not ask what she wanted to add.",
    )
    recording_hand_in(recording=recording, actor=lina)
    first = _comment(
        recording,
        supervisor,
        2.5,
        "Good bridge from last session. Try asking for her summary before giving yours.",
    )
    _comment(
        recording,
        supervisor,
        4.5,
        "The homework review is thorough; note how long it takes compared with the agenda.",
    )
    comments_release(recording=recording, releaser=supervisor)
    first = RecordingComment.objects.get(pk=first.pk)
    _reply(first, lina, "I will try that next week and bring the recording.")
    # The released competence rating of the questionnaires demo was made on this session.
    rating = Entry.objects.filter(
        author=supervisor,
        subject=lina,
        start_token=uuid.uuid5(QUESTIONNAIRES_DEMO, "holt-rates-lina"),
    ).first()
    if rating is not None:
        RecordingRating.objects.get_or_create(entry=rating, defaults={"recording": recording})
