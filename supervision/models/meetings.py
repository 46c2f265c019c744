"""Supervision meetings: when, how long, who was there, which cases, and the usual CBT structure."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import ExtractHour, ExtractMinute
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from .cases import Case
from .relationships import Supervision, SupervisionGroup

LONGEST_MEETING_MINUTES = 8 * 60
FURTHEST_PLANNING_DAYS = 366

# What the hours log, sign-off and every "coming up / past" split say about a meeting, in one
# sentence (shown on the pages, so the rule and its wording cannot drift apart).
TAKEN_PLACE_RULE = (
    "A meeting counts once it has taken place: one with a start time once it has ended, "
    "one without a time from its day on."
)


def _minute_of_day(moment: datetime.datetime | datetime.time) -> int:
    return moment.hour * 60 + moment.minute


def taken_place_q(prefix: str = "", *, now: datetime.datetime | None = None) -> Q:
    """The meetings that have taken place by ``now`` (default: now), as a filter.

    ``prefix`` is the path to the meeting (``"meeting__"`` from an Attendance). "Today" and "now"
    are in the active zone, the person's (``PersonTimeZoneMiddleware``). A meeting dated before
    today has taken place; one dated today has if it has no start time (nothing says it is still
    to come) or if its start time plus its duration has passed. One that runs past midnight counts
    from the next day.
    """
    local = timezone.localtime(now)
    today = local.date()
    ends_minute = (
        ExtractHour(f"{prefix}starts_at") * 60
        + ExtractMinute(f"{prefix}starts_at")
        + F(f"{prefix}duration_minutes")
    )
    return (
        Q(**{f"{prefix}date__lt": today})
        | Q(**{f"{prefix}date": today, f"{prefix}starts_at__isnull": True})
        | (
            Q(**{f"{prefix}date": today, f"{prefix}starts_at__isnull": False})
            & Q(LessThanOrEqual(ends_minute, _minute_of_day(local)))
        )
    )


class MeetingQuerySet(models.QuerySet):
    def taken_place(self, now: datetime.datetime | None = None) -> "MeetingQuerySet":
        return self.filter(taken_place_q(now=now))

    def planned(self, now: datetime.datetime | None = None) -> "MeetingQuerySet":
        return self.exclude(taken_place_q(now=now))


class Meeting(models.Model):
    class Mode(models.TextChoices):
        IN_PERSON = "in_person", "In person"
        VIDEO = "video", "Video call"
        PHONE = "phone", "Phone"

    class Observation(models.TextChoices):
        NONE = "none", "No observation of practice"
        LIVE = "live", "Live observation of practice"
        RECORDED = "recorded", "A recording of practice was reviewed"

    # The sections of a CBT supervision meeting, in the order they usually happen. The
    # homework review comes early: what was agreed last time is looked at before anything new.
    SECTIONS = (
        "scales_reviewed",
        "homework_review",
        "events_since_last",
        "agenda",
        "chosen_issue_work",
        "homework_agreed",
        "summary",
        "supervisor_evaluation",
        "supervisee_feedback",
    )
    SUPERVISOR_ONLY_SECTIONS = ("supervisor_evaluation",)
    SUPERVISEE_ONLY_SECTIONS = ("supervisee_feedback",)

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="meetings_led"
    )
    group = models.ForeignKey(
        SupervisionGroup,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    date = models.DateField(default=timezone.localdate)
    starts_at = models.TimeField("start time", null=True, blank=True)
    duration_minutes = models.PositiveSmallIntegerField(
        "duration in minutes",
        validators=[MinValueValidator(1), MaxValueValidator(LONGEST_MEETING_MINUTES)],
        help_text="Counts towards the hours log once the meeting has taken place.",
    )
    mode = models.CharField("format", max_length=20, choices=Mode.choices, default=Mode.IN_PERSON)
    observation = models.CharField(
        "observation of practice",
        max_length=20,
        choices=Observation.choices,
        default=Observation.NONE,
    )
    cases_discussed = models.ManyToManyField(Case, blank=True, related_name="meetings")

    scales_reviewed = models.TextField(
        "scales and questionnaires reviewed",
        blank=True,
        help_text="Scores looked at together, and what they suggest.",
    )
    homework_review = models.TextField(
        blank=True,
        help_text="What was done since last time, what was learned, what got in the way.",
    )
    events_since_last = models.TextField("events since the last meeting", blank=True)
    agenda = models.TextField(blank=True, help_text="The points agreed for this meeting.")
    chosen_issue_work = models.TextField(
        "work on the chosen issue",
        blank=True,
        help_text="The case or question worked on, the methods used and what came out of it.",
    )
    homework_agreed = models.TextField(
        blank=True,
        help_text="What, when, where, how often and how long; why it makes sense; obstacles and a plan for them.",
    )
    summary = models.TextField(blank=True)
    supervisor_evaluation = models.TextField(
        "supervisor's evaluation",
        blank=True,
        help_text="Written by the supervisor.",
    )
    supervisee_feedback = models.TextField(
        "supervisee's feedback on the meeting",
        blank=True,
        help_text="Written by the supervisee: what helped, what could be different next time.",
    )

    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Both parties may edit the record; the revision catches one overwriting the other.
    revision = models.PositiveIntegerField(default=1, editable=False)

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "-starts_at", "-pk"]
        permissions = [("reflect_on_meeting", "Can write a personal reflection on this meeting")]
        constraints = [
            models.CheckConstraint(
                condition=Q(duration_minutes__gte=1, duration_minutes__lte=LONGEST_MEETING_MINUTES),
                name="meeting_duration_in_range",
            )
        ]

    def __str__(self) -> str:
        return f"Supervision meeting on {self.date:%d %b %Y}"

    def clean(self):
        errors = {}
        if self.duration_minutes is not None and not (
            1 <= self.duration_minutes <= LONGEST_MEETING_MINUTES
        ):
            errors["duration_minutes"] = "Enter a duration between 1 and 480 minutes (eight hours)."
        if self.date and self.date > timezone.localdate() + datetime.timedelta(
            days=FURTHEST_PLANNING_DAYS
        ):
            errors["date"] = "A meeting can be planned at most a year ahead."
        if errors:
            raise ValidationError(errors)

    def has_taken_place(self, now: datetime.datetime | None = None) -> bool:
        """Whether the meeting has taken place by ``now``: the rule of ``taken_place_q``."""
        local = timezone.localtime(now)
        if self.date != local.date():
            return self.date < local.date()
        if self.starts_at is None:
            return True
        return _minute_of_day(self.starts_at) + self.duration_minutes <= _minute_of_day(local)

    @property
    def is_past(self) -> bool:
        """For templates: ``has_taken_place`` now."""
        return self.has_taken_place()

    @property
    def has_observation(self) -> bool:
        return self.observation != self.Observation.NONE

    @property
    def hidden_case_count(self) -> int:
        """Cases discussed that the viewer may not read (set up by the meetings selector)."""
        visible = getattr(self, "visible_cases", None)
        if visible is None:
            return 0
        return getattr(self, "discussed_count", len(visible)) - len(visible)

    def sections(self) -> list[tuple[str, str, str]]:
        """(name, label, text) for each section, in meeting order."""
        return [
            (name, self._meta.get_field(name).verbose_name.capitalize(), getattr(self, name))
            for name in self.SECTIONS
        ]


class Attendance(models.Model):
    """A supervisee present at a meeting, through their relationship with its supervisor."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    supervision = models.ForeignKey(
        Supervision, on_delete=models.CASCADE, related_name="attendances"
    )

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "supervision"], name="attendance_once_per_meeting"
            )
        ]

    def __str__(self) -> str:
        return f"{self.supervision.supervisee} at {self.meeting}"


class MeetingReflection(models.Model):
    """A supervisee's own reflection on a meeting; the supervisor reads it only if it is shared."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="reflections")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="meeting_reflections"
    )
    text = models.TextField("your reflection", max_length=20000)
    shared_with_supervisor = models.BooleanField(
        "share this reflection with my supervisor",
        default=False,
        help_text="Unless you tick this, only you can read it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "author"], name="meeting_reflection_one_per_author"
            )
        ]

    def __str__(self) -> str:
        return f"Reflection by {self.author} on {self.meeting}"

    def clean(self):
        self.text = (self.text or "").strip()
        if not self.text:
            raise ValidationError({"text": "Write your reflection before saving it."})


class MeetingUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Meeting, on_delete=models.CASCADE)


class MeetingGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Meeting, on_delete=models.CASCADE)


class MeetingReflectionUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(MeetingReflection, on_delete=models.CASCADE)


class MeetingReflectionGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(MeetingReflection, on_delete=models.CASCADE)
