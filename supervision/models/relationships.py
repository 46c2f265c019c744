"""Supervision relationships: who supervises whom, in which kind and format, and when.

Every relationship is between one supervisor and one supervisee. A supervision group is a
set of such relationships with the same supervisor that meet together; each member's time,
cases and homework stay on their own relationship.
"""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from supervision.text import comparable, refuse_direction_controls


class Kind(models.TextChoices):
    CLINICAL = "clinical", "Clinical supervision"
    SUPERVISION_OF_SUPERVISION = "meta", "Supervision of supervision"


class ActiveQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on), started_on__lte=on)

    def current(self):
        """Not ended: running now, or starting on a later date."""
        return self.filter(ended_on__isnull=True)


class SupervisionGroup(models.Model):
    """A supervisor meeting several supervisees together."""

    class CreditRule(models.TextChoices):
        FULL = "full", "Each supervisee present is credited the whole meeting"
        SHARED = "shared", "The meeting time is shared equally among the supervisees present"
        PERCENT = "percent", "Each supervisee present is credited a fixed percentage"

    Kind = Kind

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="groups_led"
    )
    name = models.CharField(
        max_length=120,
        help_text="For example “Wednesday CBT group”.",
        validators=[refuse_direction_controls],
    )
    # The name as names are compared (supervision.text.comparable): unique among a supervisor's
    # current groups.
    name_key = models.CharField(max_length=120, editable=False, default="")
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CLINICAL)
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)
    credit_rule = models.CharField(
        "how group time counts in the hours log",
        max_length=20,
        choices=CreditRule.choices,
        default=CreditRule.SHARED,
        help_text="Training bodies differ in how they count group supervision; pick the rule yours uses.",
    )
    credit_percent = models.PositiveSmallIntegerField(
        "percentage credited",
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(100)],
        help_text="Only for the fixed-percentage rule, for example 50.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["name", "pk"]
        permissions = [("record_meeting", "Can record meetings of this group")]
        constraints = [
            models.UniqueConstraint(
                fields=["supervisor", "name_key"],
                condition=Q(ended_on__isnull=True),
                name="supervision_group_name_unique_per_supervisor",
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="supervision_group_ends_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(credit_rule="percent")
                | Q(credit_percent__gte=1, credit_percent__lte=100),
                name="supervision_group_percent_when_needed",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.name_key = comparable(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            errors["ended_on"] = "The end date cannot be before the start date."
        if self.credit_rule == self.CreditRule.PERCENT and not self.credit_percent:
            errors["credit_percent"] = "Enter the percentage credited for each meeting."
        if (
            self.supervisor_id
            and self.ended_on is None
            and SupervisionGroup.objects.current()
            .filter(supervisor_id=self.supervisor_id, name_key=comparable(self.name))
            .exclude(pk=self.pk)
            .exists()
        ):
            errors["name"] = "This supervisor already leads a group with this name."
        if errors:
            raise ValidationError(errors)

    @property
    def is_active(self) -> bool:
        return _is_active(self.started_on, self.ended_on)

    def credited_minutes(self, duration_minutes: int, supervisees_present: int) -> Decimal:
        """The minutes one supervisee present is credited for a meeting of this group."""
        minutes = Decimal(duration_minutes)
        if self.credit_rule == self.CreditRule.SHARED:
            minutes = minutes / max(supervisees_present, 1)
        elif self.credit_rule == self.CreditRule.PERCENT:
            minutes = minutes * Decimal(self.credit_percent or 100) / 100
        return minutes.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


class Supervision(models.Model):
    Kind = Kind

    class Format(models.TextChoices):
        INDIVIDUAL = "individual", "Individual"
        GROUP = "group", "Group"

    supervisor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions_given"
    )
    supervisee = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="supervisions_received"
    )
    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.CLINICAL)
    format = models.CharField(max_length=20, choices=Format.choices, default=Format.INDIVIDUAL)
    group = models.ForeignKey(
        SupervisionGroup,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)
    supervisee_may_propose = models.BooleanField(
        "supervisee may propose homework",
        default=False,
        help_text="Later in supervision the supervisee proposes their own homework and the two agree it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ActiveQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "pk"]
        permissions = [
            ("record_meeting", "Can record meetings in this supervision"),
            ("bring_case", "Can bring cases to this supervision"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=~Q(supervisor=F("supervisee")), name="supervision_not_self"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="supervision_ends_after_start",
            ),
            models.CheckConstraint(
                condition=Q(format="group", group__isnull=False)
                | Q(format="individual", group__isnull=True),
                name="supervision_group_matches_format",
            ),
            models.UniqueConstraint(
                fields=["supervisor", "supervisee"],
                condition=Q(ended_on__isnull=True, group__isnull=True),
                name="supervision_one_open_individual_per_pair",
            ),
            models.UniqueConstraint(
                fields=["group", "supervisee"],
                condition=Q(ended_on__isnull=True, group__isnull=False),
                name="supervision_one_open_membership_per_group",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.supervisor} supervises {self.supervisee}"

    def clean(self):
        errors = {}
        if self.supervisor_id and self.supervisor_id == self.supervisee_id:
            errors["supervisee"] = "A person cannot supervise themselves."
        if self.ended_on and self.started_on and self.ended_on < self.started_on:
            errors["ended_on"] = "The end date cannot be before the start date."
        if self.group_id and self.group.supervisor_id != self.supervisor_id:
            errors["group"] = "A group member is supervised by the group's supervisor."
        if "supervisee" not in errors and self.supervisor_id and self.supervisee_id:
            duplicate = self._open_duplicate()
            if duplicate is not None:
                errors["supervisee"] = duplicate
        if errors:
            raise ValidationError(errors)

    def _open_duplicate(self) -> str | None:
        if self.ended_on is not None:
            return None
        others = Supervision.objects.current().exclude(pk=self.pk)
        if self.group_id:
            if others.filter(group_id=self.group_id, supervisee_id=self.supervisee_id).exists():
                return "This person is already a member of this group."
        elif others.filter(
            supervisor_id=self.supervisor_id, supervisee_id=self.supervisee_id, group__isnull=True
        ).exists():
            return "These two people already have an individual supervision that has not ended."
        return None

    @property
    def is_active(self) -> bool:
        return _is_active(self.started_on, self.ended_on)

    @property
    def setting_label(self) -> str:
        """“Individual” or “Group: <name>”, for lists."""
        if self.group_id:
            return f"Group: {self.group.name}"
        return self.get_format_display()

    @property
    def setting_phrase(self) -> str:
        """“individual” or “group <name>”, for use inside a sentence."""
        if self.group_id:
            return f"group {self.group.name}"
        return "individual"


def _is_active(started_on, ended_on) -> bool:
    today = timezone.localdate()
    return started_on <= today and (ended_on is None or ended_on > today)


class SupervisionUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Supervision, on_delete=models.CASCADE)


class SupervisionGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Supervision, on_delete=models.CASCADE)


class SupervisionGroupUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(SupervisionGroup, on_delete=models.CASCADE)


class SupervisionGroupGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(SupervisionGroup, on_delete=models.CASCADE)
