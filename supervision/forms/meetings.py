"""The meeting record: its details, who was there, the cases discussed and each section."""

from django import forms
from django.utils import timezone

from supervision.models import Case, Meeting, MeetingReflection, Supervision
from supervision.models.meetings import TAKEN_PLACE_RULE

from . import DateInput, RadioSelect, SubmissionKeyMixin, TimeInput, long_text_limited


class CaseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Case) -> str:
        if self.show_owner:
            return f"{obj.pseudonym} ({obj.supervision.supervisee.name})"
        return obj.pseudonym

    show_owner = False


class AttendeeChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Supervision) -> str:
        return obj.supervisee.name


class MeetingForm(SubmissionKeyMixin, forms.Form):
    date = forms.DateField(widget=DateInput, initial=timezone.localdate)
    starts_at = forms.TimeField(label="Start time", widget=TimeInput, required=False)
    duration_minutes = forms.IntegerField(
        label="Duration in minutes",
        help_text=f"Between 1 and 480. {TAKEN_PLACE_RULE}",
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    mode = forms.ChoiceField(
        label="Format", choices=Meeting.Mode.choices, initial=Meeting.Mode.IN_PERSON
    )
    observation = forms.ChoiceField(
        label="Observation of practice",
        choices=Meeting.Observation.choices,
        initial=Meeting.Observation.NONE,
        widget=RadioSelect,
    )
    revision = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, editor, supervisor_id, cases, attendees=None, **kwargs):
        super().__init__(*args, **kwargs)
        if attendees is not None:
            self.fields["attendees"] = AttendeeChoiceField(
                label="Who was there",
                queryset=attendees,
                widget=forms.CheckboxSelectMultiple,
                error_messages={"required": "Choose who was at the meeting."},
            )
        self.fields["cases_discussed"] = CaseChoiceField(
            label="Cases discussed",
            queryset=cases,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        )
        self.fields["cases_discussed"].show_owner = editor.pk == supervisor_id
        is_supervisor = editor.pk == supervisor_id
        for name in Meeting.SECTIONS:
            if name in Meeting.SUPERVISOR_ONLY_SECTIONS and not is_supervisor:
                continue
            if name in Meeting.SUPERVISEE_ONLY_SECTIONS and is_supervisor:
                continue
            model_field = Meeting._meta.get_field(name)
            self.fields[name] = forms.CharField(
                label=model_field.verbose_name.capitalize(),
                help_text=model_field.help_text,
                required=False,
                widget=forms.Textarea(attrs={"rows": 4}),
            )
        long_text_limited(self)

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if minutes < 1:
            raise forms.ValidationError("Enter a duration of at least 1 minute.")
        if minutes > 480:
            raise forms.ValidationError(
                "A supervision meeting lasts at most eight hours (480 minutes)."
            )
        return minutes

    def detail_fields(self):
        return [self[name] for name in ("date", "starts_at", "duration_minutes", "mode")]

    def section_fields(self):
        return [self[name] for name in Meeting.SECTIONS if name in self.fields]

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        arguments = {
            "date": data["date"],
            "starts_at": data.get("starts_at"),
            "duration_minutes": data["duration_minutes"],
            "mode": data["mode"],
            "observation": data["observation"],
            "cases": list(data.get("cases_discussed") or []),
            "sections": {name: data.get(name, "") for name in Meeting.SECTIONS if name in data},
        }
        if "attendees" in self.fields:
            arguments["attendees"] = list(data["attendees"])
        return arguments


class MeetingReflectionForm(forms.ModelForm):
    class Meta:
        model = MeetingReflection
        fields = ["text", "shared_with_supervisor"]
        widgets = {"text": forms.Textarea(attrs={"rows": 8})}
        help_texts = {
            "text": "What you noticed in yourself, what you learned, what you want to try.",
        }

    def _post_clean(self):
        pass
