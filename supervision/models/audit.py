"""The read audit: an append-only record of every read of someone's sensitive material."""

from django.apps import apps
from django.conf import settings
from django.db import models
from django.utils import timezone


class AppendOnlyQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise TypeError("Read records are append-only; they are never changed.")


class ReadRecord(models.Model):
    """Who read (or was refused) which object, when: ids only, never titles or content.

    ``subject`` names the object as ``"app_label.model"`` and ``object_id``; ``owner`` is the
    person whose material it is (empty for a refusal, where the object is not looked into).
    Rows are only ever inserted; the retention task (``privacy.services.retention``) deletes
    those older than ``PRIVACY_RETENTION["read_records_days"]``, nothing else removes them.
    """

    class Outcome(models.TextChoices):
        READ = "read", "Read"
        REFUSED = "refused", "Refused"

    reader = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(max_length=80)
    object_id = models.PositiveBigIntegerField()
    path = models.CharField(max_length=300)
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.READ)
    at = models.DateTimeField(default=timezone.now)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [
            models.Index(fields=["subject", "object_id", "-at"], name="readrecord_object"),
            models.Index(fields=["owner", "-at"], name="readrecord_owner"),
            models.Index(fields=["reader", "-at"], name="readrecord_reader"),
            models.Index(fields=["at"], name="readrecord_at"),
        ]

    def __str__(self) -> str:
        return f"{self.subject} {self.object_id} {self.outcome} by {self.reader_id}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise TypeError("Read records are append-only; they are never changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise TypeError("Read records are removed only by the retention task.")

    @property
    def subject_label(self) -> str:
        """What was read, in words ("entry", "case"); the label itself for a model no longer here."""
        try:
            return str(apps.get_model(self.subject)._meta.verbose_name)
        except (LookupError, ValueError):
            return self.subject
