"""StreamField blocks for lesson bodies; each renders with its own template under templates/blocks/.

`LessonBodyBlock` at the bottom lists every block a lesson may contain: it is the one place a
new kind of block is added (see courses/README.md).
Blocks whose output depends on who is looking (a form with a CSRF token, a button only
supervisors see) set `rendered_per_viewer = True` in their Meta; every other block is
rendered once per page revision and cached (see courses/rendering.py).
"""

import re
import uuid

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from courses.video import validate_video_url, video_embed_for

# Headings come only from HeadingBlock so that every one of them reaches the table of contents.
RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]

_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_DOI_PREFIXES = ("https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "http://dx.doi.org/")


def normalise_doi(raw: str) -> str:
    """A DOI as people paste it (with doi: or a resolver address in front) reduced to 10.xxxx/…"""
    doi = (raw or "").strip()
    lowered = doi.lower()
    for prefix in (*_DOI_PREFIXES, "doi:", "doi "):
        if lowered.startswith(prefix):
            doi = doi[len(prefix) :].strip()
            break
    return doi


def validate_doi(raw: str) -> None:
    if raw and not _DOI.match(normalise_doi(raw)):
        raise ValidationError(
            "This does not look like a DOI. A DOI starts with 10. followed by a slash, "
            "for example 10.1111/j.1468-2850.2010.01204.x.",
            code="invalid_doi",
        )


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        template = "blocks/rich_text.html"
        label = "Text"
        icon = "pilcrow"
        description = "Paragraphs and lists. Use a Heading block for section titles."


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(max_length=120)
    level = blocks.ChoiceBlock(
        choices=[("h2", "Section"), ("h3", "Subsection")],
        default="h2",
        help_text="Sections and subsections are listed in the lesson's table of contents.",
    )

    class Meta:
        template = "blocks/heading.html"
        icon = "title"
        label = "Heading"
        description = "A section title; it also appears in the lesson's table of contents."


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        label="Alternative text",
        max_length=250,
        help_text="What the image shows, for people who cannot see it.",
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        template = "blocks/image.html"
        icon = "image"
        label = "Image"


class VideoValue(blocks.StructValue):
    @cached_property
    def embed(self):
        return video_embed_for(self.get("url"))


class VideoBlock(blocks.StructBlock):
    url = blocks.URLBlock(
        label="Video address",
        validators=[validate_video_url],
        help_text="The address of a video on YouTube or Vimeo; other sites are not supported.",
    )
    title = blocks.CharBlock(
        max_length=200, help_text="Names the video for screen readers and in the link below it."
    )
    transcript = blocks.RichTextBlock(
        required=False,
        features=RICH_TEXT_FEATURES,
        help_text="A transcript or summary, for people who cannot watch or hear the video.",
    )

    class Meta:
        template = "blocks/video.html"
        icon = "media"
        label = "Video"
        value_class = VideoValue


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock()
    attribution = blocks.CharBlock(required=False, max_length=200)

    class Meta:
        template = "blocks/quote.html"
        icon = "openquote"
        label = "Quote"


class KeyPointsBlock(blocks.StructBlock):
    title = blocks.CharBlock(default="Key points", max_length=120)
    points = blocks.ListBlock(blocks.CharBlock(label="Point", max_length=300), min_num=1)

    class Meta:
        template = "blocks/key_points.html"
        icon = "list-ul"
        label = "Key points"


class ReadingValue(blocks.StructValue):
    @property
    def doi_url(self) -> str:
        doi = self.get("doi")
        return f"https://doi.org/{doi}" if doi else ""


class ReadingBlock(blocks.StructBlock):
    citation = blocks.TextBlock(
        help_text="The full reference: authors, year, title, journal or publisher, volume and pages."
    )
    doi = blocks.CharBlock(
        label="DOI",
        required=False,
        max_length=200,
        validators=[validate_doi],
        help_text="For example 10.1111/j.1468-2850.2010.01204.x (a doi.org address also works).",
    )
    link = blocks.URLBlock(
        required=False, help_text="Where to read it, when there is no DOI or a free copy exists."
    )
    why_read = blocks.TextBlock(
        label="Why read it", help_text="What the reader will take from it for their practice."
    )

    class Meta:
        template = "blocks/reading.html"
        icon = "doc-full"
        label = "Reading"
        value_class = ReadingValue

    def clean(self, value):
        value = super().clean(value)
        value["doi"] = normalise_doi(value.get("doi"))
        return value


class CaseVignetteBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120)
    people = blocks.CharBlock(
        label="Who is in it",
        max_length=120,
        help_text=(
            "Invented names only, e.g. 'Dana, a trainee, and her patient Ms Reyes'. "
            "Never describe a real patient or supervisee."
        ),
    )
    vignette = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)
    questions = blocks.ListBlock(
        blocks.CharBlock(label="Question", max_length=300),
        min_num=0,
        label="Questions to consider",
    )

    class Meta:
        template = "blocks/case_vignette.html"
        icon = "user"
        label = "Case vignette"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock()
    title = blocks.CharBlock(
        required=False, max_length=200, help_text="Shown instead of the document's own title."
    )
    description = blocks.TextBlock(required=False)

    class Meta:
        template = "blocks/document.html"
        icon = "download"
        label = "Download"


class CalloutBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(choices=[("tip", "Tip"), ("caution", "Caution")], default="tip")
    title = blocks.CharBlock(required=False, max_length=120)
    text = blocks.RichTextBlock(features=RICH_TEXT_FEATURES)

    class Meta:
        template = "blocks/callout.html"
        icon = "help"
        label = "Tip or caution"


class WorksheetChooserBlock(SnippetChooserBlock):
    """A worksheet template from the library, which every reader of a course may open."""

    def __init__(self, **kwargs):
        super().__init__("worksheets.WorksheetTemplate", **kwargs)

    def clean(self, value):
        value = super().clean(value)
        if value is not None and not value.is_library:
            raise ValidationError(
                f"“{value.title}” is someone's own template, which the readers of this course "
                "cannot open. Choose a worksheet from the library.",
                code="not_in_library",
            )
        return value


class ExerciseBlock(blocks.StructBlock):
    """A worksheet to do right here: readers start it as self-practice, supervisors may assign it."""

    worksheet = WorksheetChooserBlock(
        help_text=(
            "A worksheet from the library. Readers start it here as private self-practice, and "
            "submitting it marks the lesson complete."
        )
    )
    prompt = blocks.TextBlock(
        required=False,
        max_length=500,
        help_text="A sentence or two on how to use the worksheet with this lesson.",
    )

    class Meta:
        template = "blocks/exercise.html"
        icon = "form"
        label = "Worksheet exercise"
        # Start, continue or assign depends on who is reading, so this block is never cached.
        rendered_per_viewer = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        worksheet = value.get("worksheet")
        # The lesson page puts the reader's exercises in its context (courses.presenters); the
        # block only picks its own. Rendered anywhere else, it just names the worksheet.
        exercises = context.get("lesson_exercises")
        if exercises is not None:
            context["exercise"] = exercises.for_block(worksheet)
        else:
            context["exercise"] = {
                "worksheet": worksheet,
                "available": bool(worksheet and worksheet.live),
                "block_id": uuid.uuid4(),
            }
        return context


def exercise_worksheet_ids(raw_blocks) -> list[int]:
    """The worksheet template ids that a lesson body's exercise blocks point to, in order."""
    ids = []
    for item in raw_blocks:
        if item.get("type") != "exercise":
            continue
        worksheet_id = (item.get("value") or {}).get("worksheet")
        if isinstance(worksheet_id, str) and worksheet_id.isdigit():
            worksheet_id = int(worksheet_id)
        if isinstance(worksheet_id, int) and worksheet_id not in ids:
            ids.append(worksheet_id)
    return ids


class LessonBodyBlock(blocks.StreamBlock):
    """Every block a lesson may contain; add a new kind of block here (and its template)."""

    text = RichTextBlock()
    heading = HeadingBlock()
    image = ImageBlock()
    video = VideoBlock()
    quote = QuoteBlock()
    key_points = KeyPointsBlock()
    reading = ReadingBlock()
    case_vignette = CaseVignetteBlock()
    document = DocumentBlock()
    callout = CalloutBlock()
    exercise = ExerciseBlock()
