"""Worksheet templates edited in Wagtail, and the frozen versions that publishing creates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin

from worksheets import definitions
from worksheets.blocks import WorksheetBodyBlock


class WorksheetTemplateQuerySet(models.QuerySet):
    def library(self):
        return self.filter(owner__isnull=True)

    def with_current_version(self):
        latest = TemplateVersion.objects.filter(template=OuterRef("pk")).order_by("-number")
        return self.annotate(
            current_version_id=Subquery(latest.values("pk")[:1]),
            current_version_number=Subquery(latest.values("number")[:1]),
        )


class WorksheetTemplate(
    DraftStateMixin, RevisionMixin, LockableMixin, PreviewableMixin, models.Model
):
    """A worksheet being written. Library templates have no owner; a supervisor's own copies do."""

    class Topic(models.TextChoices):
        STARTING = "starting", "Starting supervision"
        SELF_KNOWLEDGE = "self_knowledge", "Knowing yourself as a therapist"
        PATIENTS = "patients", "Working with patients"
        SELF_PRACTICE = "self_practice", "Self-practice of CBT methods"
        LEARNING = "learning", "Learning from reading"
        SUPERVISING = "supervising", "For supervisors in training"

    title = models.CharField(max_length=200)
    topic = models.CharField(max_length=20, choices=Topic.choices, default=Topic.SELF_KNOWLEDGE)
    introduction = models.TextField(
        blank=True,
        help_text="What the worksheet is for and about how long it takes; shown above the questions.",
    )
    body = StreamField(WorksheetBodyBlock(), verbose_name="questions")
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.CASCADE,
        related_name="worksheet_templates",
        help_text="Empty for library templates curated by course staff.",
    )
    copied_from = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="copies",
    )
    # Bundled library templates are found again by this key, so loading them twice changes nothing.
    library_key = models.SlugField(
        max_length=80, unique=True, null=True, blank=True, editable=False
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = WorksheetTemplateQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("topic"),
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = "worksheet template"

    def __str__(self) -> str:
        return self.title

    @property
    def is_library(self) -> bool:
        return self.owner_id is None

    def clean(self):
        super().clean()
        previous = {}
        if self.pk:
            stored = WorksheetTemplate.objects.filter(pk=self.pk).first()
            if stored is not None:
                previous = definitions.previous_names(stored.get_latest_revision_as_object().body)
        definitions.assign_machine_names(self.body, previous)
        if not definitions.answer_fields(definitions.freeze(self.body)):
            raise ValidationError({"body": "A worksheet needs at least one question."})

    def with_content_json(self, content):
        # Who owns a template and where it came from belong to the template, never to a revision.
        obj = super().with_content_json(content)
        obj.owner_id = self.owner_id
        obj.copied_from_id = self.copied_from_id
        obj.library_key = self.library_key
        return obj

    def get_preview_template(self, request, mode_name):
        return "worksheets/template_preview.html"

    def get_preview_context(self, request, mode_name):
        from worksheets.forms.builder import build_worksheet_form

        context = super().get_preview_context(request, mode_name)
        definition = definitions.freeze(self.body)
        context["definition"] = definition
        context["form"] = build_worksheet_form(definition)
        return context


class TemplateVersion(models.Model):
    """What a template looked like when it was published; never changed, so entries stay readable."""

    template = models.ForeignKey(
        WorksheetTemplate, null=True, blank=True, on_delete=models.SET_NULL, related_name="versions"
    )
    number = models.PositiveIntegerField()
    title = models.CharField(max_length=200)
    introduction = models.TextField(blank=True)
    definition = models.JSONField(encoder=DjangoJSONEncoder)
    published_at = models.DateTimeField(default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-published_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["template", "number"], name="template_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.title} (version {self.number})"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise ValueError(
                "A published worksheet version never changes; publish a new one instead."
            )
        super().save(*args, **kwargs)

    @property
    def answer_fields(self) -> list[dict]:
        return definitions.answer_fields(self.definition)


class WorksheetTemplateUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(WorksheetTemplate, on_delete=models.CASCADE)


class WorksheetTemplateGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(WorksheetTemplate, on_delete=models.CASCADE)
