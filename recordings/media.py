"""What a recording file is, read from its content with PyAV (FFmpeg's demuxers), never its name.

``probe(path, file_name)`` opens the file, refuses anything that is not audio or video in one of
the accepted containers (or whose content does not match its extension), and returns the
duration in seconds and the content type to serve it with.
"""

from dataclasses import dataclass
from pathlib import PurePath

import av
from django.core.exceptions import ValidationError

# Extension -> the container family its content must show (FFmpeg's format names).
EXTENSIONS = {
    "mp4": "mp4",
    "m4a": "mp4",
    "mov": "mp4",
    "mp3": "mp3",
    "webm": "webm",
    "ogg": "ogg",
    "oga": "ogg",
    "ogv": "ogg",
    "opus": "ogg",
    "wav": "wav",
}
ACCEPTED_LIST = "MP4, M4A, MP3, WebM, OGG or WAV"
# Family -> content type (audio only, with video).
CONTENT_TYPES = {
    "mp4": ("audio/mp4", "video/mp4"),
    "mp3": ("audio/mpeg", "audio/mpeg"),
    "webm": ("audio/webm", "video/webm"),
    "ogg": ("audio/ogg", "video/ogg"),
    "wav": ("audio/wav", "audio/wav"),
}
NOT_MEDIA = "This file is not an audio or video recording we can play. Use {accepted}."


@dataclass(frozen=True)
class Probe:
    duration_seconds: float
    content_type: str
    has_video: bool


def extension_of(file_name: str) -> str:
    name = PurePath(file_name or "").name
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def check_name(file_name: str) -> None:
    """Refuses a name whose extension is not one we accept (before any byte is stored)."""
    if extension_of(file_name) not in EXTENSIONS:
        raise ValidationError(
            f"Files of this type cannot be uploaded as recordings. Use {ACCEPTED_LIST}.",
            code="type",
        )


def _family(format_name: str) -> str | None:
    names = set(format_name.split(","))
    if names & {"mov", "mp4", "m4a"}:
        return "mp4"
    if "webm" in names or "matroska" in names:
        return "webm"
    for family in ("mp3", "ogg", "wav"):
        if family in names:
            return family
    return None


def _duration(container) -> float | None:
    if container.duration:
        return container.duration / av.time_base
    longest = 0.0
    for stream in container.streams:
        if stream.duration and stream.time_base:
            longest = max(longest, float(stream.duration * stream.time_base))
    return longest or None


def probe(path: str, file_name: str) -> Probe:
    """The recording's duration and content type; a ValidationError for anything else.

    Raises with code ``"not_media"`` when FFmpeg cannot read it as audio or video or finds no
    duration, and ``"mismatch"`` when the container is not the one its extension names.
    """
    check_name(file_name)
    refused = ValidationError(NOT_MEDIA.format(accepted=ACCEPTED_LIST), code="not_media")
    try:
        with av.open(path, mode="r") as container:
            has_audio = bool(container.streams.audio)
            has_video = any(
                # A cover picture in an MP3 is a "video" stream of one frame.
                not stream.disposition & av.stream.Disposition.attached_pic
                for stream in container.streams.video
            )
            family = _family(container.format.name)
            duration = _duration(container)
    except (av.FFmpegError, UnicodeDecodeError, ValueError, OSError):
        raise refused from None
    if not (has_audio or has_video) or family is None or not duration or duration <= 0:
        raise refused
    if family != EXTENSIONS[extension_of(file_name)]:
        raise ValidationError(
            f"The file's content does not match its “.{extension_of(file_name)}” extension.",
            code="mismatch",
        )
    return Probe(
        duration_seconds=round(duration, 2),
        content_type=CONTENT_TYPES[family][1 if has_video else 0],
        has_video=has_video,
    )
