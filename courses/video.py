"""Which video providers a lesson may embed, and how their page addresses become privacy-friendly players.

The site's Content Security Policy allows frames only from youtube-nocookie.com and
player.vimeo.com, so a lesson may embed only those two; anything else is refused in the editor
rather than silently failing to load for the trainee.
"""

import re
from dataclasses import dataclass
from urllib.parse import parse_qs, urlsplit

from django.core.exceptions import ValidationError

SUPPORTED_PROVIDERS = "YouTube or Vimeo"

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")
_VIMEO_ID = re.compile(r"^[0-9]{6,12}$")
_YOUTUBE_HOSTS = {
    "youtube.com",
    "www.youtube.com",
    "m.youtube.com",
    "youtube-nocookie.com",
    "www.youtube-nocookie.com",
}
_VIMEO_HOSTS = {"vimeo.com", "www.vimeo.com", "player.vimeo.com"}


@dataclass(frozen=True)
class VideoEmbed:
    provider: str
    video_id: str

    @property
    def embed_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube-nocookie.com/embed/{self.video_id}"
        return f"https://player.vimeo.com/video/{self.video_id}?dnt=1"

    @property
    def watch_url(self) -> str:
        if self.provider == "YouTube":
            return f"https://www.youtube.com/watch?v={self.video_id}"
        return f"https://vimeo.com/{self.video_id}"


def video_embed_for(url: str) -> VideoEmbed | None:
    """The embeddable video behind a page address, or None when the address is not one we support."""
    parts = urlsplit((url or "").strip())
    if parts.scheme not in {"http", "https"}:
        return None
    host = (parts.hostname or "").lower()
    segments = [segment for segment in parts.path.split("/") if segment]

    if host in _YOUTUBE_HOSTS:
        if segments[:1] == ["watch"]:
            candidate = parse_qs(parts.query).get("v", [""])[0]
        elif len(segments) == 2 and segments[0] in {"embed", "shorts", "live"}:
            candidate = segments[1]
        else:
            return None
        return VideoEmbed("YouTube", candidate) if _YOUTUBE_ID.match(candidate) else None

    if host == "youtu.be":
        candidate = segments[0] if len(segments) == 1 else ""
        return VideoEmbed("YouTube", candidate) if _YOUTUBE_ID.match(candidate) else None

    if host in _VIMEO_HOSTS:
        if host == "player.vimeo.com":
            candidate = segments[1] if len(segments) == 2 and segments[0] == "video" else ""
        else:
            candidate = segments[-1] if segments else ""
        return VideoEmbed("Vimeo", candidate) if _VIMEO_ID.match(candidate) else None

    return None


def validate_video_url(url: str) -> None:
    if video_embed_for(url) is None:
        raise ValidationError(
            "Use the address of a single video on %(providers)s, for example "
            "https://www.youtube.com/watch?v=… or https://vimeo.com/123456789. "
            "Other video sites cannot be shown on lesson pages.",
            code="unsupported_video",
            params={"providers": SUPPORTED_PROVIDERS},
        )
