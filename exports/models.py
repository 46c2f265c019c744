"""One export: which document, for whom, how far the worker has got, and the file it made."""

import json

from django.conf import settings
from django.db import models
from django.db.models import Q
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase

from supervision.attachments import private_storage


def params_key(params: dict) -> str:
    """An export's parameters as canonical text (for the one-unfinished-export constraint)."""
    return json.dumps(params, sort_keys=True, separators=(",", ":"))[:200]


class Export(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for the worker"
        RUNNING = "running", "Being built"
        DONE = "done", "Ready"
        FAILED = "failed", "Failed"

    UNFINISHED = (Status.QUEUED, Status.RUNNING)

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exports"
    )
    # A key of exports.documents (e.g. "logbook") and its parameters (e.g. {"signoff": 12}).
    document = models.CharField(max_length=40)
    params = models.JSONField(default=dict)
    # The parameters as canonical text, so one unfinished export per document and parameters.
    params_key = models.CharField(max_length=200)
    title = models.CharField(max_length=200)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.QUEUED)
    progress = models.PositiveSmallIntegerField(default=0, help_text="Percent, 0 to 100.")
    stage = models.CharField(max_length=120, blank=True)
    file = models.FileField(upload_to="exports/%Y/%m/", storage=private_storage, blank=True)
    filename = models.CharField(max_length=200, blank=True)
    pages = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "document", "params_key"],
                condition=Q(status__in=["queued", "running"]),
                name="export_one_unfinished_per_document",
            ),
            models.CheckConstraint(condition=Q(progress__lte=100), name="export_progress_percent"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def is_finished(self) -> bool:
        return self.status not in self.UNFINISHED


class ExportUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(Export, on_delete=models.CASCADE)


class ExportGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(Export, on_delete=models.CASCADE)
