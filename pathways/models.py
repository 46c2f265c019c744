"""Pathways: ordered steps released one after another, and the pathways assigned as homework.

A ``Pathway`` is a Wagtail snippet with its ``PathwayStep`` rows (library pathways have no owner;
a supervisor's own are shared like worksheet copies). Assigning one makes one homework
(``homework.Assignment`` with ``Schedule.STEPS``) with one occurrence per step, and a
``PathwayRun`` that keeps the steps' release rules as they were when it was assigned.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from homework.models import Assignment
from pathways.admin_forms import PathwayAdminForm
from pathways.rules import MAX_DELAY_DAYS, MAX_DUE_DAYS, NO_DELAY, TOO_LONG, Release


class StepKind(models.TextChoices):
    WORKSHEET = "worksheet", "Worksheet"
    QUESTIONNAIRE = "questionnaire", "Questionnaire"
    LESSON = "lesson", "Lesson to read"
    RECORDING = "recording", "Recording analysis"
    REFLECTION = "reflection", "Free reflection"


class StepRules(models.Model):
    """What a step is and when it opens; shared by a pathway's steps and an assigned copy."""

    kind = models.CharField(max_length=20, choices=StepKind.choices, default=StepKind.WORKSHEET)
    title = models.CharField(max_length=200)
    instructions = models.TextField(blank=True, help_text="What to do in this step, and why.")
    reading = models.TextField(
        blank=True, help_text="For a lesson to read without a course page: what to read."
    )
    lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="course lesson to read",
    )
    release = models.CharField(
        "opens", max_length=20, choices=Release.CHOICES, default=Release.AFTER_PREVIOUS
    )
    waits_for = models.PositiveSmallIntegerField(
        "waits for step",
        null=True,
        blank=True,
        help_text="The number of the step it waits for; empty for the step just before.",
    )
    delay_days = models.PositiveSmallIntegerField(
        "days to wait",
        null=True,
        blank=True,
        help_text="For “a number of days after”: 1 to 365.",
        # Checked beside the field; the constraint below holds the same rule in the database.
        validators=[
            MinValueValidator(1, message=NO_DELAY),
            MaxValueValidator(MAX_DELAY_DAYS, message=TOO_LONG),
        ],
    )
    release_on = models.DateField("opens on", null=True, blank=True)
    due_days = models.PositiveSmallIntegerField(
        "days to do it",
        default=7,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_DUE_DAYS)],
        help_text="Due this many days after the step opens.",
    )

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title


def _delay_in_range(prefix: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=~Q(release=Release.AFTER_DELAY)
        | Q(delay_days__gte=1, delay_days__lte=MAX_DELAY_DAYS),
        name=f"{prefix}_delay_in_range",
        violation_error_message="Say how many days to wait (1 to 365).",
    )


class Pathway(ClusterableModel):
    """A sequence of steps to assign as one homework. Library pathways have no owner."""

    title = models.CharField(max_length=200)
    introduction = models.TextField(
        help_text="What the pathway is for and how long it takes; it becomes the homework's "
        "instructions."
    )
    category = models.CharField(
        "homework category",
        max_length=20,
        choices=Assignment.Category.choices,
        default="self_work",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="pathways",
        help_text="Empty for library pathways curated by course staff.",
    )
    copied_from = models.ForeignKey(
        "self", null=True, blank=True, editable=False, on_delete=models.SET_NULL, related_name="+"
    )
    # Bundled library pathways are found again by this key, so loading twice changes nothing.
    library_key = models.SlugField(
        max_length=80, unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    base_form_class = PathwayAdminForm
    panels = [
        FieldPanel("title"),
        FieldPanel("introduction"),
        FieldPanel("category"),
        InlinePanel("steps", label="Steps", heading="Steps, in order"),
    ]

    class Meta:
        ordering = ["title", "pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_library(self) -> bool:
        return self.owner_id is None


class PathwayStep(Orderable, StepRules):
    pathway = ParentalKey(Pathway, on_delete=models.CASCADE, related_name="steps")
    worksheet = models.ForeignKey(
        "worksheets.WorksheetTemplate",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text="For a worksheet, questionnaire or recording analysis step.",
    )

    panels = [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("title")]),
        FieldPanel("instructions"),
        FieldRowPanel([FieldPanel("worksheet"), FieldPanel("lesson")]),
        FieldPanel("reading"),
        MultiFieldPanel(
            [
                FieldPanel("release"),
                FieldRowPanel(
                    [FieldPanel("waits_for"), FieldPanel("delay_days"), FieldPanel("release_on")]
                ),
                FieldPanel("due_days"),
            ],
            heading="When it opens and when it is due",
        ),
    ]

    class Meta(Orderable.Meta):
        constraints = [_delay_in_range("pathway_step")]


class PathwayUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Pathway, on_delete=models.CASCADE)


class PathwayGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Pathway, on_delete=models.CASCADE)


class PathwayRun(models.Model):
    """A pathway assigned to a supervisee: one homework, with its steps as they were then."""

    assignment = models.OneToOneField(
        "homework.Assignment", on_delete=models.CASCADE, related_name="pathway_run"
    )
    pathway = models.ForeignKey(
        Pathway, on_delete=models.SET_NULL, null=True, blank=True, related_name="runs"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"{self.assignment}"


class RunStep(StepRules):
    """One step of an assigned pathway: its occurrence (held until released) and its rules."""

    run = models.ForeignKey(PathwayRun, on_delete=models.CASCADE, related_name="steps")
    position = models.PositiveSmallIntegerField()
    occurrence = models.OneToOneField(
        "homework.Occurrence", on_delete=models.CASCADE, related_name="pathway_step"
    )
    # Set once, by whichever worker releases it first (services.run_step_release).
    released_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["run", "position"]
        constraints = [
            models.UniqueConstraint(fields=["run", "position"], name="run_step_unique_position"),
            _delay_in_range("run_step"),
        ]
