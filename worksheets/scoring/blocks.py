"""The Scoring blocks of a worksheet template: what turns a worksheet into a scored questionnaire.

A template becomes a questionnaire when its Scoring has the rating range; its items are the
"Questionnaire item" blocks among its questions. ``worksheets.scoring.authoring`` reads these
blocks into a ``definitions.Questionnaire``; these blocks only check what one block can check on its own
(everything that needs the whole questionnaire is checked when it is published).
"""

from django.core.exceptions import ValidationError
from wagtail import blocks

from worksheets.blocks import MachineNameBlock
from worksheets.scoring.definitions import BY_SCALE, MEAN, MIXED, SUM

METHOD_CHOICES = [
    (MEAN, "Mean of the answered items"),
    (SUM, "Sum of the items (prorated when items are missing)"),
]
PRESENTATION_CHOICES = [
    (MIXED, "Mixed, in the order the items are listed"),
    (BY_SCALE, "One scale at a time, under a heading for each scale or group"),
]
SCALE_NAME_HELP = (
    "Set automatically from the first title and never changed afterwards, so past results "
    "and items stay linked to this scale when you rename it."
)


class RangeAnchorBlock(blocks.StructBlock):
    value = blocks.IntegerBlock(label="Point")
    label = blocks.CharBlock(max_length=80, label="Label")


class RatingRangeBlock(blocks.StructBlock):
    """The rating range every item of the questionnaire is answered on, and how it is presented."""

    minimum = blocks.IntegerBlock(default=1, min_value=0, max_value=10, label="Lowest point")
    maximum = blocks.IntegerBlock(default=5, min_value=1, max_value=11, label="Highest point")
    anchors = blocks.ListBlock(
        RangeAnchorBlock(),
        label="Labelled points",
        help_text="Label at least the lowest and the highest point, e.g. 1 = 'Never true of me'.",
    )
    presentation = blocks.ChoiceBlock(
        choices=PRESENTATION_CHOICES, default=MIXED, label="How items are shown"
    )
    rated_by_someone_else = blocks.BooleanBlock(
        required=False,
        default=False,
        label="Rated by someone else about a subject",
        help_text=(
            "For example a supervisor rating a trainee's recorded session. The rater chooses "
            "whom they rate; the person rated sees the rating once the rater releases it."
        ),
    )
    notice = blocks.TextBlock(
        required=False,
        rows=3,
        label="Notice",
        help_text="Shown with the questionnaire and its results, e.g. 'a reflective tool, not a test'.",
    )

    class Meta:
        icon = "list-ol"
        label = "Rating range and presentation"

    def clean(self, value):
        value = super().clean(value)
        low, high = value.get("minimum"), value.get("maximum")
        if low is not None and high is not None and low >= high:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "maximum": ValidationError("The highest point must be above the lowest.")
                }
            )
        return value


class BandBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, label="Label", help_text="For example 'Low'.")
    minimum = blocks.DecimalBlock(max_digits=8, decimal_places=2, label="From (inclusive)")
    maximum = blocks.DecimalBlock(max_digits=8, decimal_places=2, label="To (inclusive)")
    interpretation = blocks.TextBlock(
        rows=3,
        label="Interpretation",
        help_text="What a score in this band may mean, for reflection.",
    )


def bands_block():
    return blocks.ListBlock(
        BandBlock(),
        label="Bands",
        help_text=(
            "Together the bands must cover every possible score without gaps or overlaps: whole "
            "numbers for a sum (e.g. 4-9, 10-15), two decimals for a mean (1-2.49, 2.5-3.99, 4-6)."
        ),
    )


class ScaleBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label="Title")
    description = blocks.TextBlock(required=False, rows=2, label="What it describes")
    method = blocks.ChoiceBlock(choices=METHOD_CHOICES, default=MEAN, label="Score")
    max_missing = blocks.IntegerBlock(
        default=0,
        min_value=0,
        label="Items that may be left out",
        help_text="With more items unanswered than this, the scale is not scored.",
    )
    bands = bands_block()
    reflection_prompt = blocks.TextBlock(
        required=False, rows=2, label="Prompt for reflection", help_text="Shown with the result."
    )
    group = blocks.CharBlock(
        max_length=80,
        required=False,
        label="Group",
        help_text="Scales that belong together on the profile, e.g. 'My patient'.",
    )
    name = MachineNameBlock(label="Machine name", help_text=SCALE_NAME_HELP)

    class Meta:
        icon = "order"
        label = "Scale"


class TotalBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, default="Total", label="Title")
    method = blocks.ChoiceBlock(choices=METHOD_CHOICES, default=SUM, label="Score")
    max_missing = blocks.IntegerBlock(default=0, min_value=0, label="Items that may be left out")
    pass_mark = blocks.DecimalBlock(
        required=False,
        max_digits=8,
        decimal_places=2,
        label="Threshold",
        help_text="Optional: a total at or above this number is shown as reaching the threshold.",
    )
    bands = bands_block()

    class Meta:
        icon = "plus"
        label = "Total over all items"


class ScoringBlock(blocks.StreamBlock):
    rating_range = RatingRangeBlock()
    scale = ScaleBlock()
    total = TotalBlock()

    class Meta:
        block_counts = {"rating_range": {"max_num": 1}, "total": {"max_num": 1}}
        required = False
