"""Lesson blocks: validation of videos and DOIs, each block's template, and the cached lesson body."""

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail import blocks as wagtail_blocks
from wagtail.blocks import StreamValue
from wagtail.documents import get_document_model

from courses.blocks import LessonBodyBlock, ReadingBlock, normalise_doi, validate_doi
from courses.rendering import cache_key, heading_anchors, render_lesson_body
from courses.video import validate_video_url, video_embed_for
from tests.courses.factories import make_course, make_lesson, make_module


@pytest.mark.parametrize(
    ("url", "provider", "embed"),
    [
        (
            "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            "YouTube",
            "https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ",
        ),
        ("https://youtu.be/dQw4w9WgXcQ", "YouTube", None),
        ("https://www.youtube.com/embed/dQw4w9WgXcQ", "YouTube", None),
        ("https://vimeo.com/76979871", "Vimeo", "https://player.vimeo.com/video/76979871?dnt=1"),
        ("https://player.vimeo.com/video/76979871", "Vimeo", None),
    ],
)
def test_supported_video_addresses_become_privacy_friendly_players(url, provider, embed):
    video = video_embed_for(url)
    assert video is not None
    assert video.provider == provider
    if embed:
        assert video.embed_url == embed
    validate_video_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.dailymotion.com/video/x8abcd1",
        "https://www.youtube.com/channel/UC1234567890",
        "https://www.youtube.com/watch?v=short",
        "https://vimeo.com/channels/staffpicks",
        "javascript:alert(1)",
        "https://youtube.com.evil.example/watch?v=dQw4w9WgXcQ",
        "",
    ],
)
def test_other_video_addresses_are_refused(url):
    assert video_embed_for(url) is None
    with pytest.raises(ValidationError, match="YouTube or Vimeo"):
        validate_video_url(url)


@pytest.mark.parametrize(
    ("raw", "doi"),
    [
        ("10.1111/j.1468-2850.2010.01204.x", "10.1111/j.1468-2850.2010.01204.x"),
        ("doi:10.1093/clipsy.7.2.189", "10.1093/clipsy.7.2.189"),
        ("https://doi.org/10.1007/s10608-010-9297-z", "10.1007/s10608-010-9297-z"),
        (" http://dx.doi.org/10.1002/jclp.10033 ", "10.1002/jclp.10033"),
    ],
)
def test_dois_are_accepted_in_the_forms_people_paste_and_stored_bare(raw, doi):
    validate_doi(raw)
    assert normalise_doi(raw) == doi


@pytest.mark.parametrize("raw", ["11.1000/abc", "10.12/x", "doi: nothing", "https://example.org"])
def test_malformed_dois_are_refused(raw):
    with pytest.raises(ValidationError, match="does not look like a DOI"):
        validate_doi(raw)


def test_a_reading_needs_a_citation_and_a_reason_to_read_it():
    block = ReadingBlock()
    with pytest.raises(ValidationError):
        block.clean(block.to_python({"citation": "", "doi": "", "link": "", "why_read": ""}))


def test_headings_get_unique_readable_anchors_and_a_table_of_contents():
    raw = [
        {"type": "heading", "id": "a", "value": {"text": "Why it matters", "level": "h2"}},
        {"type": "text", "id": "b", "value": "<p>Text</p>"},
        {"type": "heading", "id": "c", "value": {"text": "Why it matters", "level": "h3"}},
        {"type": "heading", "id": "d", "value": {"text": "???", "level": "h2"}},
    ]
    anchors, toc = heading_anchors(raw)
    assert anchors == {
        "a": "section-why-it-matters",
        "c": "section-why-it-matters-2",
        "d": "section",
    }
    assert [(entry.text, entry.level) for entry in toc] == [
        ("Why it matters", "h2"),
        ("Why it matters", "h3"),
        ("???", "h2"),
    ]


def _render(body) -> str:
    value = LessonBodyBlock().to_python(
        [{"type": block_type, "value": value} for block_type, value in body]
    )
    return "".join(str(child.render(context={"anchor": "section-x"})) for child in value)


def test_every_block_renders_with_its_own_template():
    html = _render(
        [
            ("heading", {"text": "A section", "level": "h2"}),
            ("text", "<p>Plain words.</p>"),
            ("quote", {"quote": "Review it first.", "attribution": "A trainee"}),
            ("key_points", {"title": "Key points", "points": ["One", "Two"]}),
            (
                "reading",
                {
                    "citation": "Tompkins (2002).",
                    "doi": "10.1002/jclp.10033",
                    "link": "",
                    "why_read": "Practical.",
                },
            ),
            (
                "video",
                {
                    "url": "https://vimeo.com/76979871",
                    "title": "A role-play",
                    "transcript": "<p>Words spoken.</p>",
                },
            ),
            (
                "case_vignette",
                {
                    "title": "The missing diary",
                    "people": "Mr Okafor (invented)",
                    "vignette": "<p>He forgot it.</p>",
                    "questions": ["What would you ask?"],
                },
            ),
            ("callout", {"kind": "caution", "title": "Careful", "text": "<p>Gently.</p>"}),
        ]
    )
    assert '<h2 class="lesson-heading" id="section-x">A section</h2>' in html
    assert '<div class="block-text"><p>Plain words.</p></div>' in html
    assert "<blockquote>" in html and "A trainee" in html
    assert 'class="box box--key-points"' in html and "<li>Two</li>" in html
    assert '<a href="https://doi.org/10.1002/jclp.10033">10.1002/jclp.10033</a>' in html
    assert 'src="https://player.vimeo.com/video/76979871?dnt=1"' in html
    assert 'title="A role-play"' in html and "Transcript of" in html
    assert 'class="box box--vignette"' in html and "an invented case" in html
    assert 'class="box box--caution"' in html and "Caution" in html


@pytest.mark.django_db
def test_a_download_shows_its_type_and_size_and_a_note_once_deleted():
    Document = get_document_model()
    document = Document(title="Planning checklist")
    document.file.save("checklist.txt", ContentFile(b"x" * 2048), save=False)
    document.save()
    body = [("document", {"document": document.pk, "title": "", "description": "One page."})]

    html = _render(body)
    assert "Planning checklist" in html and "TXT" in html and "2.0" in html

    document.delete()
    html = _render(body)
    assert "is no longer available" in html


@pytest.mark.django_db
def test_an_image_whose_file_was_deleted_is_left_out_rather_than_breaking_the_page():
    html = _render([("image", {"image": 999999, "alt_text": "A diagram", "caption": "Gone"})])
    assert "<img" not in html


@pytest.mark.django_db
def test_the_lesson_body_is_rendered_once_per_published_revision():
    lesson = make_lesson(make_module(make_course()))
    key = cache_key(lesson.live_revision_id)
    assert cache.get(key) is None

    first = render_lesson_body(lesson)
    assert cache.get(key) is not None
    assert "Why it matters" in "".join(str(s.html) for s in first.segments)

    # A second render uses the cache: even a changed object in memory gives the cached text.
    lesson.body = StreamValue(lesson.body.stream_block, [("text", "<p>Changed</p>")], is_lazy=False)
    again = render_lesson_body(lesson)
    assert [str(s.html) for s in again.segments] == [str(s.html) for s in first.segments]

    # Publishing makes a new revision, so the new text is rendered under a new key.
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert cache_key(lesson.live_revision_id) != key
    fresh = render_lesson_body(lesson)
    assert "Changed" in "".join(str(s.html) for s in fresh.segments)


class _ViewerBlock(wagtail_blocks.StaticBlock):
    class Meta:
        rendered_per_viewer = True
        template = "blocks/rich_text.html"


@pytest.mark.django_db
def test_blocks_that_depend_on_the_viewer_are_never_cached(monkeypatch):
    # The worksheet exercise block will depend on the viewer; this stands in for any such block.
    lesson = make_lesson(make_module(make_course()))
    stream_block = LessonBodyBlock()
    viewer_block = _ViewerBlock()
    viewer_block.set_name("viewer")
    stream_block.child_blocks["viewer"] = viewer_block
    lesson.body = StreamValue(
        stream_block,
        [("text", "<p>Shared</p>"), ("viewer", None), ("text", "<p>Also shared</p>")],
        is_lazy=False,
    )
    body = render_lesson_body(lesson)
    kinds = ["html" if segment.html is not None else "block" for segment in body.segments]
    assert kinds == ["html", "block", "html"]
    assert body.segments[1].block.block_type == "viewer"
    assert "viewer" not in str(cache.get(cache_key(lesson.live_revision_id)))
