"""Assignments agreed in supervision, their expected occurrences, and the obstacles planned for."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from supervision.attachments import private_storage

MAX_OCCURRENCES = 60
LOW_CONFIDENCE = 7


class Assignment(models.Model):
    class Category(models.TextChoices):
        MAPPING = "mapping", "Mapping a problem"
        MONITORING = "monitoring", "Monitoring a behaviour"
        IMPLEMENTING = "implementing", "Implementing a new behaviour in therapy"
        SELF_WORK = "self_work", "Work on oneself"
        STUDY = "study", "Theoretical study"
        RECORDING = "recording", "Recording analysis"

    class Status(models.TextChoices):
        PROPOSED = "proposed", "Proposed"
        ACTIVE = "active", "Active"
        DONE = "done", "Done"
        REVIEWED = "reviewed", "Reviewed"
        DROPPED = "dropped", "Dropped"

    class Schedule(models.TextChoices):
        ONCE = "once", "Once, by the due date"
        DAILY = "daily", "Daily"
        WEEKLY = "weekly", "Weekly"
        # Occurrences made by the app that sets the homework (a pathway's steps), not from a rule.
        STEPS = "steps", "In steps (a pathway)"

    supervision = models.ForeignKey(
        "supervision.Supervision", on_delete=models.CASCADE, related_name="assignments"
    )
    title = models.CharField(max_length=200)
    category = models.CharField(max_length=20, choices=Category.choices)
    instructions = models.TextField(help_text="What to do, in the supervisee's own terms.")
    rationale = models.TextField(
        help_text="Why this makes sense for this supervisee and for their patients."
    )
    when = models.CharField("when", max_length=200, blank=True)
    where = models.CharField("where", max_length=200, blank=True)
    how_often = models.CharField("how often", max_length=200, blank=True)
    how_long = models.CharField("how long", max_length=200, blank=True)
    schedule = models.CharField(max_length=10, choices=Schedule.choices, default=Schedule.ONCE)
    starts_on = models.DateField()
    occurrences = models.PositiveSmallIntegerField(
        default=1, validators=[MinValueValidator(1), MaxValueValidator(MAX_OCCURRENCES)]
    )
    confidence = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
        help_text="0 = not at all confident, 10 = completely confident.",
    )
    reading = models.TextField(
        blank=True, help_text="A full citation, or a link to the text to read."
    )
    reading_lesson = models.ForeignKey(
        "courses.LessonPage",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name="course lesson to read",
    )
    # The exact worksheet version agreed; entries answer this version even if the template moves on.
    worksheet_version = models.ForeignKey(
        "worksheets.TemplateVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assignments",
        verbose_name="worksheet",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.ACTIVE)
    meeting = models.ForeignKey(
        "supervision.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments_agreed",
        help_text="The meeting where the homework was agreed.",
    )
    case = models.ForeignKey(
        "supervision.Case",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="assignments",
        help_text="The case this homework is about, if any.",
    )
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Optimistic locking: an edit based on an older version is refused, not silently merged.
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-created_at", "-pk"]
        # Held while the supervision runs; taken back when it ends (services.assignments).
        permissions = [
            ("review_assignment", "Can record the review of this homework"),
            ("work_on_assignment", "Can hand in entries for this homework"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(occurrences__gte=1) & Q(occurrences__lte=MAX_OCCURRENCES),
                name="assignment_occurrences_in_range",
            ),
            models.CheckConstraint(
                condition=Q(confidence__isnull=True) | Q(confidence__lte=10),
                name="assignment_confidence_in_range",
            ),
            models.CheckConstraint(
                condition=Q(schedule="once", occurrences=1) | ~Q(schedule="once"),
                name="assignment_once_has_one_occurrence",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self):
        if self.schedule == self.Schedule.ONCE:
            self.occurrences = 1

    @property
    def due_dates(self) -> list[datetime.date]:
        step = {
            self.Schedule.ONCE: 0,
            self.Schedule.DAILY: 1,
            self.Schedule.WEEKLY: 7,
            self.Schedule.STEPS: 0,
        }[self.schedule]
        return [
            self.starts_on + datetime.timedelta(days=step * index)
            for index in range(self.occurrences)
        ]

    @property
    def due_on(self) -> datetime.date:
        return self.due_dates[-1]

    @property
    def low_confidence(self) -> bool:
        return self.confidence is not None and self.confidence < LOW_CONFIDENCE


class Occurrence(models.Model):
    """One expected completion of an assignment: a daily log for a week has seven."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="expected")
    sequence = models.PositiveSmallIntegerField()
    due_on = models.DateField()
    # One entry per occurrence: starting twice (double click, two tabs) finds the same entry.
    entry = models.OneToOneField(
        "worksheets.Entry",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="occurrence",
    )
    # A homework in steps (Schedule.STEPS, a pathway) gives each occurrence its own title and
    # worksheet; empty for the others, which use the assignment's.
    title = models.CharField(max_length=200, blank=True)
    worksheet_version = models.ForeignKey(
        "worksheets.TemplateVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    # Held back by the app that made it until it is released (a locked pathway step): not due,
    # not startable, no reminders; ``due_on`` is then only an estimate.
    held = models.BooleanField(default=False)

    class Meta:
        ordering = ["assignment", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["assignment", "sequence"], name="occurrence_unique_sequence"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assignment} ({self.due_on:%d %b})"

    @property
    def label(self) -> str:
        """What the supervisee sees for this occurrence: the step's title, else the homework's."""
        return self.title or self.assignment.title

    @property
    def start_verb(self) -> str:
        """The word on the supervisee's button for its entry: "Start" (none yet), "Continue" (a
        draft) or "Revise" (reopened after it was handed in). Reads ``entry.status``."""
        if self.entry_id is None:
            return "Start"
        return "Revise" if self.entry.status == self.entry.Status.REOPENED else "Continue"


class Obstacle(models.Model):
    """An obstacle anticipated when the assignment was agreed, with the plan to get past it."""

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="obstacles")
    obstacle = models.CharField(max_length=300)
    plan = models.CharField(max_length=500)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["assignment", "position", "pk"]

    def __str__(self) -> str:
        return self.obstacle

    def clean(self):
        if self.obstacle and not self.plan:
            raise ValidationError({"plan": "Say how you plan to get past this obstacle."})


class AssignmentUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Assignment, on_delete=models.CASCADE)


class AssignmentGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Assignment, on_delete=models.CASCADE)


class Review(models.Model):
    """The homework review at the next meeting: information about what happened, never a verdict."""

    class Outcome(models.TextChoices):
        DONE = "done", "Done"
        PARTLY = "partly", "Partly done"
        NOT_ATTEMPTED = "not_attempted", "Not attempted"

    class Reason(models.TextChoices):
        UNCLEAR = "unclear", "The task was unclear"
        NOT_IMPORTANT = "not_important", "It did not seem important or motivating"
        CIRCUMSTANCES = "circumstances", "Circumstances got in the way"
        TOO_DEMANDING = "too_demanding", "Too demanding at the moment"
        OTHER = "other", "Other"

    class NextStep(models.TextChoices):
        KEEP = "keep", "Keep it as it is"
        ADAPT = "adapt", "Adapt it"
        EASIER = "easier", "Make it easier"
        DROP = "drop", "Drop it"

    assignment = models.ForeignKey(Assignment, on_delete=models.CASCADE, related_name="reviews")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    learned = models.TextField("what was learned", blank=True)
    obstacles_met = models.TextField("obstacles met", blank=True)
    effort = models.PositiveSmallIntegerField(
        "effort put in (0-10)",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    difficulty = models.PositiveSmallIntegerField(
        "difficulty felt (0-10)",
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(10)],
    )
    reason = models.CharField(max_length=20, choices=Reason.choices, blank=True)
    reason_detail = models.CharField("reason, in your words", max_length=300, blank=True)
    next_step = models.CharField(max_length=10, choices=NextStep.choices, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    meeting = models.ForeignKey(
        "supervision.Meeting",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="homework_reviews",
    )
    # A review of one step of a homework in steps (a pathway); empty for the homework as a whole.
    occurrence = models.ForeignKey(
        Occurrence,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reviews",
    )
    reviewed_on = models.DateField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-reviewed_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome="done") | ~Q(reason="") & ~Q(next_step=""),
                name="review_reason_when_not_done",
            ),
            # One review per assignment (or step) per day: a double submit records it once.
            models.UniqueConstraint(
                fields=["assignment", "reviewed_on"],
                condition=Q(occurrence__isnull=True),
                name="review_once_per_day",
            ),
            models.UniqueConstraint(
                fields=["occurrence", "reviewed_on"],
                condition=Q(occurrence__isnull=False),
                name="review_of_step_once_per_day",
            ),
        ]

    def __str__(self) -> str:
        return f"Review of {self.assignment}"

    def clean(self):
        errors = {}
        if self.outcome in (self.Outcome.PARTLY, self.Outcome.NOT_ATTEMPTED):
            if not self.reason:
                errors["reason"] = "Say what got in the way: it shapes the next step."
            if not self.next_step:
                errors["next_step"] = "Choose what happens to this homework next."
        if self.reason == self.Reason.OTHER and not self.reason_detail:
            errors["reason_detail"] = "Describe the reason in a few words."
        if errors:
            raise ValidationError(errors)


class Reopening(models.Model):
    """A supervisor sent a submitted homework entry back for revision, with a note saying why."""

    entry = models.ForeignKey(
        "worksheets.Entry", on_delete=models.CASCADE, related_name="reopenings"
    )
    reopened_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    note = models.TextField(max_length=2000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Reopened {self.entry}"


class EntryAttachment(models.Model):
    """A file handed in with a homework entry; kept privately and read only through a view."""

    entry = models.ForeignKey(
        "worksheets.Entry", on_delete=models.CASCADE, related_name="attachments"
    )
    file = models.FileField(upload_to="homework/%Y/%m/", storage=private_storage)
    name = models.CharField(max_length=255)
    content_type = models.CharField(max_length=100)
    size = models.PositiveBigIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name
