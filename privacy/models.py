"""Exports of a person's own data, erasures of people, and the runs of the retention task."""

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import Q
from django.utils import timezone

from supervision.attachments import private_storage


class DataExport(models.Model):
    """One ZIP of a person's own data, built in the background and downloaded once by them.

    ``progress`` is a percentage (0-100) of the sections written so far. The file lives in
    private storage; it is removed once downloaded or expired (``privacy.services.retention``).
    """

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting to start"
        BUILDING = "building", "Being prepared"
        READY = "ready", "Ready to download"
        DOWNLOADED = "downloaded", "Downloaded"
        EXPIRED = "expired", "Expired"
        FAILED = "failed", "Could not be prepared"

    IN_PROGRESS = (Status.QUEUED, Status.BUILDING)

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="data_exports"
    )
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0)
    file = models.FileField(upload_to="exports/", storage=private_storage, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)
    downloaded_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            # Pressing "Prepare" twice, or in two tabs, prepares one export.
            models.UniqueConstraint(
                fields=["person"],
                condition=Q(status__in=["queued", "building"]),
                name="data_export_one_in_progress",
            ),
            models.CheckConstraint(
                condition=Q(progress__lte=100), name="data_export_progress_is_a_percentage"
            ),
        ]

    def __str__(self) -> str:
        return f"Export {self.pk} of person {self.person_id}"

    @property
    def in_progress(self) -> bool:
        return self.status in self.IN_PROGRESS

    def is_downloadable(self, now=None) -> bool:
        now = now or timezone.now()
        return (
            self.status == self.Status.READY
            and self.expires_at is not None
            and now < self.expires_at
        )


class Erasure(models.Model):
    """The report of one erasure: what was deleted and what was kept, and why (counts, no content).

    ``person`` is the tombstone that remains; ``report`` is a list of
    ``{"what", "count", "action", "reason"}``.
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="erasure"
    )
    erased_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    erased_at = models.DateTimeField(default=timezone.now)
    report = models.JSONField(default=list, encoder=DjangoJSONEncoder)

    class Meta:
        ordering = ["-erased_at"]

    def __str__(self) -> str:
        return f"Erasure of person {self.person_id}"


class RetentionRun(models.Model):
    """What one run of the retention task removed: ``removed`` maps a kind to a count."""

    ran_at = models.DateTimeField(default=timezone.now)
    removed = models.JSONField(default=dict)

    class Meta:
        ordering = ["-ran_at"]

    def __str__(self) -> str:
        return f"Retention run {self.ran_at:%Y-%m-%d %H:%M}"
