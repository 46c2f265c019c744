"""One-time keys of create forms: which key a person has used, and what it created."""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models


class SubmissionKey(models.Model):
    """A key a create form carried, claimed by the first request that sent it.

    Written only by `supervision.idempotency.create_once`. The pair (person, key) is unique in the
    database, so two requests sending the same key at the same moment cannot both create: the
    second waits for the first, fails to claim the key and is given what the first created.
    """

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    key = models.UUIDField()
    content_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    object_id = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "key"], name="submission_key_once_per_person")
        ]

    def __str__(self) -> str:
        return f"{self.key} ({self.content_type})"

    @property
    def created(self) -> models.Model | None:
        """What the first request created, or None if it has since been deleted."""
        if self.content_type_id is None:
            return None
        model = self.content_type.model_class()
        return model._default_manager.filter(pk=self.object_id).first()
