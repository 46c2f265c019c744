"""Supervision relationships: who supervises whom, in which kind and format, and when."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase


class SupervisionQuerySet(models.QuerySet):
    def active(self, on=None):
        on = on or timezone.localdate()
        return self.filter(Q(ended_on__isnull=True) | Q(ended_on__gt=on), started_on__lte=on)


class Supervision(models.Model):
    class Kind(models.TextChoices):
        CLINICAL = "clinical", "Clinical supervision"
        SUPERVISION_OF_SUPERVISION = "meta", "Supervision of supervision"

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
    started_on = models.DateField(default=timezone.localdate)
    ended_on = models.DateField(null=True, blank=True)
    supervisee_may_propose = models.BooleanField(
        "supervisee may propose homework",
        default=False,
        help_text="Later in supervision the supervisee proposes their own homework and the two agree it.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = SupervisionQuerySet.as_manager()

    class Meta:
        ordering = ["-started_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(supervisor=F("supervisee")), name="supervision_not_self"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True) | Q(ended_on__gte=F("started_on")),
                name="supervision_ends_after_start",
            ),
            models.UniqueConstraint(
                fields=["supervisor", "supervisee"],
                condition=Q(ended_on__isnull=True),
                name="supervision_one_open_per_pair",
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
        if errors:
            raise ValidationError(errors)

    @property
    def is_active(self) -> bool:
        today = timezone.localdate()
        return self.started_on <= today and (self.ended_on is None or self.ended_on > today)


class SupervisionUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Supervision, on_delete=models.CASCADE)


class SupervisionGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Supervision, on_delete=models.CASCADE)
