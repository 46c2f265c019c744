"""Lesson bodies rendered once per published revision and kept in the cache, with their table of contents.

A published revision never changes, so its rendering can be cached under the revision's id:
publishing again makes a new revision and so a new cache key, and nothing needs invalidating.
Blocks that depend on who is looking (Meta `rendered_per_viewer = True`) are not cached; the
lesson template renders them for each request with `{% include_block %}`, which gives them the
request, the user and the CSRF token.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import slugify

CACHE_SECONDS = 60 * 60 * 24 * 7
CACHE_VERSION = 1


@dataclass(frozen=True)
class Segment:
    """Either cached HTML or a block to render for this request."""

    html: SafeString | None = None
    block: object = None


@dataclass(frozen=True)
class TocEntry:
    anchor: str
    text: str
    level: str


@dataclass(frozen=True)
class LessonBody:
    segments: list[Segment]
    toc: list[TocEntry]


def cache_key(revision_id: int) -> str:
    return f"courses:lesson-body:v{CACHE_VERSION}:revision-{revision_id}"


def heading_anchors(raw_blocks) -> tuple[dict[str, str], list[TocEntry]]:
    """Unique anchors for the heading blocks, keyed by block id, and the table of contents."""
    anchors: dict[str, str] = {}
    toc: list[TocEntry] = []
    used: set[str] = set()
    for position, item in enumerate(raw_blocks):
        if item.get("type") != "heading":
            continue
        value = item.get("value") or {}
        text = (value.get("text") or "").strip()
        base = f"section-{slugify(text)}" if slugify(text) else "section"
        anchor, suffix = base, 2
        while anchor in used:
            anchor, suffix = f"{base}-{suffix}", suffix + 1
        used.add(anchor)
        anchors[item.get("id") or f"position-{position}"] = anchor
        toc.append(TocEntry(anchor=anchor, text=text, level=value.get("level") or "h2"))
    return anchors, toc


def _is_per_viewer(bound_block) -> bool:
    return getattr(bound_block.block.meta, "rendered_per_viewer", False)


def _render(page) -> tuple[list[tuple[str, object]], list[TocEntry]]:
    """Render every block that does not depend on the viewer; keep the positions of those that do."""
    raw_blocks = list(page.body.raw_data)
    anchors, toc = heading_anchors(raw_blocks)
    parts: list[tuple[str, object]] = []
    for position, child in enumerate(page.body):
        if _is_per_viewer(child):
            parts.append(("block", position))
            continue
        anchor = anchors.get(child.id or f"position-{position}", "")
        # Only viewer-independent values go into this context: the result is shared by everyone.
        html = child.render(context={"anchor": anchor, "lesson_title": page.title})
        # Consecutive cached blocks are joined so the cache holds as few pieces as possible.
        if parts and parts[-1][0] == "html":
            parts[-1] = ("html", parts[-1][1] + html)
        else:
            parts.append(("html", str(html)))
    return parts, toc


def render_lesson_body(page, *, request=None) -> LessonBody:
    revision_id = page.live_revision_id
    previewing = request is not None and getattr(request, "is_preview", False)
    cacheable = revision_id is not None and not previewing
    stored = cache.get(cache_key(revision_id)) if cacheable else None
    if stored is None:
        stored = _render(page)
        if cacheable:
            cache.set(cache_key(revision_id), stored, CACHE_SECONDS)
    parts, toc = stored
    segments = [
        Segment(html=mark_safe(value)) if kind == "html" else Segment(block=page.body[value])  # noqa: S308 - our own rendered blocks
        for kind, value in parts
    ]
    return LessonBody(segments=segments, toc=toc)
