"""Worksheet templates edited in Wagtail, and the frozen versions that publishing creates."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models import OuterRef, Subquery
from django.utils import timezone
from guardian.models import GroupObjectPermissionBase, UserObjectPermissionBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import DraftStateMixin, LockableMixin, PreviewableMixin, RevisionMixin

from worksheets import definitions
from worksheets.blocks import WorksheetBodyBlock
from worksheets.forms.admin import WorksheetTemplateAdminForm
from worksheets.scoring import authoring
from worksheets.scoring.blocks import ScoringBlock


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
    # Only questionnaires have scoring: the rating range, the scales with their bands, a total.
    scoring = StreamField(ScoringBlock(), blank=True, default=list, verbose_name="scoring")
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

    base_form_class = WorksheetTemplateAdminForm
    panels = [
        FieldPanel("title"),
        FieldPanel("topic"),
        FieldPanel("introduction"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("scoring")],
            heading="Scoring (questionnaires only)",
            help_text=(
                "Leave empty for a worksheet. For a scored questionnaire add the rating range, "
                "its scales with their bands and, if wanted, a total; then add 'Questionnaire "
                "item' blocks to the questions. Publishing checks that every scale has items and "
                "that its bands cover every possible score."
            ),
            classname="collapsed",
        ),
    ]

    class Meta:
        ordering = ["title", "pk"]
        verbose_name = "worksheet template"

    def __str__(self) -> str:
        return self.title

    @property
    def is_library(self) -> bool:
        return self.owner_id is None

    @property
    def questionnaire_key(self) -> str:
        """How results of this template are found again across its versions (see history)."""
        # A template being created has no pk yet; it has one by the time a version is frozen.
        return self.library_key or f"template-{self.pk or 'new'}"

    def clean(self):
        super().clean()
        previous, previous_scales = {}, {}
        if self.pk:
            stored = WorksheetTemplate.objects.filter(pk=self.pk).first()
            if stored is not None:
                latest = stored.get_latest_revision_as_object()
                previous = definitions.previous_names(latest.body)
                previous_scales = authoring.previous_scale_names(latest.scoring)
        authoring.propose_item_names(self.body, previous)
        definitions.assign_machine_names(self.body, previous)
        authoring.assign_scale_names(self.scoring, previous_scales)
        if not definitions.answer_fields(definitions.freeze(self.body)):
            raise ValidationError({"body": "A worksheet needs at least one question."})

    def read_questionnaire(self) -> authoring.Authored | None:
        """The questionnaire these blocks describe, with what stops it from being published."""
        return authoring.read_questionnaire(
            key=self.questionnaire_key,
            title=self.title,
            introduction=self.introduction,
            body_definition=definitions.freeze(self.body),
            scoring_stream=self.scoring,
        )

    def frozen(self) -> tuple[list[dict], dict | None]:
        """The field definition and, for a questionnaire, its scoring definition, as JSON data."""
        definition = definitions.freeze(self.body)
        authored = self.read_questionnaire()
        if authored is None:
            return definition, None
        return authoring.arrange(definition, authored.questionnaire), (
            authored.questionnaire.to_dict() if authored.publishable else None
        )

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
        definition, _questionnaire = self.frozen()
        authored = self.read_questionnaire()
        context["definition"] = definition
        context["form"] = build_worksheet_form(definition)
        context["questionnaire_problems"] = authored.problems if authored else ()
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
    # A questionnaire's scoring definition (``scoring.Questionnaire.to_dict()``); null otherwise.
    questionnaire = models.JSONField(null=True, blank=True, encoder=DjangoJSONEncoder)
    # The template's questionnaire key, so every administration across versions is found again.
    questionnaire_key = models.CharField(max_length=100, blank=True, db_index=True)
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

    @property
    def is_questionnaire(self) -> bool:
        return self.questionnaire is not None

    @property
    def is_rating(self) -> bool:
        """Filled in by a rater about a subject (e.g. a supervisor about a trainee's session)."""
        return bool(self.questionnaire and self.questionnaire.get("rated_by_someone_else"))


class WorksheetTemplateUserObjectPermission(UserObjectPermissionBase):
    content_object = models.ForeignKey(WorksheetTemplate, on_delete=models.CASCADE)


class WorksheetTemplateGroupObjectPermission(GroupObjectPermissionBase):
    content_object = models.ForeignKey(WorksheetTemplate, on_delete=models.CASCADE)
