"""Forms for agreeing homework; validation beyond a field's own lives in the models and services."""

from django import forms
from django.utils import timezone

from courses.models import LessonPage
from courses.selectors.lessons import lessons_readable_by
from homework.models import MAX_OCCURRENCES, Assignment, Review
from homework.selectors import SetByMe, supervisees_of
from homework.services.assignments import ObstaclePlan
from supervision.forms import RadioSelect, SubmissionKeyMixin
from supervision.models import Case
from supervision.selectors.cases import cases_visible_to
from worksheets.models import TemplateVersion
from worksheets.selectors.templates import templates_startable_by


def worksheet_versions_for(user):
    """The current version of every published worksheet the person may use."""
    if user is None:
        return TemplateVersion.objects.none()
    current = templates_startable_by(user).values("current_version_id")
    # A rating form is filled in by the supervisor about the supervisee, never as homework.
    return (
        TemplateVersion.objects.filter(pk__in=current)
        .exclude(questionnaire__rated_by_someone_else=True)
        .order_by("title")
    )


class AssignmentForm(SubmissionKeyMixin, forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Assignment
        fields = [
            "title",
            "category",
            "instructions",
            "rationale",
            "when",
            "where",
            "how_often",
            "how_long",
            "schedule",
            "starts_on",
            "occurrences",
            "confidence",
            "worksheet_version",
            "case",
            "reading_lesson",
            "reading",
        ]
        labels = {
            "starts_on": "Due date",
            "occurrences": "Number of occurrences",
            "confidence": "Supervisee's confidence that they can do it (0-10)",
        }
        help_texts = {
            "starts_on": "For a daily or weekly schedule, the date of the first occurrence.",
            "occurrences": f"For a daily or weekly schedule: how many times (1 to {MAX_OCCURRENCES}).",
            "when": "For example: after each session with this patient.",
            "where": "For example: in the clinic, before writing notes.",
            "how_often": "For example: after every session this week.",
            "how_long": "For example: ten minutes.",
        }
        widgets = {
            "starts_on": forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
            "instructions": forms.Textarea(attrs={"rows": 4}),
            "rationale": forms.Textarea(attrs={"rows": 3}),
            "reading": forms.Textarea(attrs={"rows": 2}),
            "confidence": forms.NumberInput(attrs={"min": 0, "max": 10, "data-confidence": ""}),
            "occurrences": forms.NumberInput(attrs={"min": 1, "max": MAX_OCCURRENCES}),
        }

    def __init__(self, *args, author=None, supervision=None, today=None, **kwargs):
        super().__init__(*args, **kwargs)
        cases = Case.objects.none()
        if author is not None and supervision is not None:
            cases = cases_visible_to(author).filter(supervision=supervision)
        self.fields["case"].queryset = cases
        self.fields["case"].label_from_instance = lambda case: case.pseudonym
        self.fields["case"].empty_label = "Not about one case"
        lessons = lessons_readable_by(author)
        if self.instance.reading_lesson_id:
            lessons = lessons | LessonPage.objects.filter(pk=self.instance.reading_lesson_id)
        self.fields["reading_lesson"].queryset = lessons
        self.fields["reading_lesson"].empty_label = "No course lesson"
        self.today = today or timezone.localdate()
        versions = worksheet_versions_for(author)
        if self.instance.worksheet_version_id:
            # An older version stays a valid choice for homework that already uses it.
            versions = versions | TemplateVersion.objects.filter(
                pk=self.instance.worksheet_version_id
            )
        self.fields["worksheet_version"].queryset = versions
        self.fields["worksheet_version"].label_from_instance = lambda version: (
            f"{version.title} (questionnaire)" if version.is_questionnaire else version.title
        )
        self.fields["worksheet_version"].empty_label = "No worksheet: a free reflection"
        self.fields[
            "worksheet_version"
        ].help_text = (
            "The worksheet to complete. Without one, the supervisee writes a free reflection."
        )
        if self.instance.schedule == Assignment.Schedule.STEPS and self.instance.pk:
            # A pathway's steps are made and released by pathways; only the rest is edited here.
            for name in ("schedule", "occurrences", "worksheet_version"):
                self.fields[name].disabled = True
        else:
            self.fields["schedule"].choices = [
                choice
                for choice in self.fields["schedule"].choices
                if choice[0] != Assignment.Schedule.STEPS
            ]
        if not self.instance.pk:
            self.fields["starts_on"].initial = self.today
        self.fields["occurrences"].required = False

    def clean_starts_on(self):
        starts_on = self.cleaned_data["starts_on"]
        if (
            starts_on
            and starts_on < self.today
            and (not self.instance.pk or starts_on != self.instance.starts_on)
        ):
            raise forms.ValidationError("The due date cannot be before today.")
        return starts_on

    def clean(self):
        cleaned = super().clean()
        schedule = cleaned.get("schedule")
        occurrences = cleaned.get("occurrences")
        if schedule == Assignment.Schedule.ONCE:
            cleaned["occurrences"] = 1
        elif occurrences is None:
            self.add_error("occurrences", "Say how many times, for a repeating schedule.")
        elif not 1 <= occurrences <= MAX_OCCURRENCES:
            self.add_error("occurrences", f"Choose between 1 and {MAX_OCCURRENCES} occurrences.")
        return cleaned


class ObstacleForm(forms.Form):
    obstacle = forms.CharField(max_length=300, required=False, label="Anticipated obstacle")
    plan = forms.CharField(max_length=500, required=False, label="Plan to get past it")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("obstacle") and not cleaned.get("plan"):
            self.add_error("plan", "Say how you plan to get past this obstacle.")
        if cleaned.get("plan") and not cleaned.get("obstacle"):
            self.add_error("obstacle", "Name the obstacle this plan is for.")
        return cleaned


def obstacle_plans(formset) -> list[ObstaclePlan]:
    """The obstacles filled in on a valid obstacle formset, each with its plan, in order."""
    return [
        ObstaclePlan(form.cleaned_data["obstacle"], form.cleaned_data["plan"])
        for form in formset.forms
        if form.cleaned_data.get("obstacle")
    ]


def obstacle_formset(data=None, initial=None):
    initial = list(initial or [])
    # Always offer at least three rows, so obstacles are thought about, not skipped.
    blanks = max(3 - len(initial), 1)
    formset_class = forms.formset_factory(ObstacleForm, extra=blanks, max_num=10, validate_max=True)
    return formset_class(data=data, initial=initial, prefix="obstacles")


class ReviewForm(SubmissionKeyMixin, forms.ModelForm):
    class Meta:
        model = Review
        fields = [
            "outcome",
            "learned",
            "obstacles_met",
            "effort",
            "difficulty",
            "reason",
            "reason_detail",
            "next_step",
        ]
        widgets = {
            "outcome": RadioSelect,
            "learned": forms.Textarea(attrs={"rows": 3}),
            "obstacles_met": forms.Textarea(attrs={"rows": 3}),
            "effort": forms.NumberInput(attrs={"min": 0, "max": 10}),
            "difficulty": forms.NumberInput(attrs={"min": 0, "max": 10}),
        }
        help_texts = {
            "reason": "For partly done or not attempted. Not doing homework is information, not a failure.",
            "next_step": "For partly done or not attempted: what changes next time.",
        }


class SetByMeFilterForm(forms.Form):
    """The filters of "Homework I set" (GET); an unknown value is shown as an error, not ignored."""

    supervisee = forms.ModelChoiceField(
        queryset=None, required=False, empty_label="Everyone I supervise"
    )
    status = forms.ChoiceField(choices=SetByMe.STATUS_CHOICES, required=False)
    due = forms.ChoiceField(label="Due", choices=SetByMe.DUE_CHOICES, required=False)

    def __init__(self, *args, supervisor, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisee"].queryset = supervisees_of(supervisor)
        self.fields["supervisee"].label_from_instance = lambda person: person.name
        for name in ("supervisee", "status", "due"):
            self.fields[name].optional_by_design = True
