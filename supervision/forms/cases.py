"""The case form asks only for what supervision needs, never for what identifies a patient."""

from django import forms

from supervision.models import Case, CaseComment, Supervision

from . import SubmissionKeyMixin, long_text_limited

TEXT_AREA = forms.Textarea(attrs={"rows": 4})


class SupervisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Supervision) -> str:
        return f"{obj.supervisor.name}: {obj.get_kind_display().lower()}, {obj.setting_phrase}"


class CaseForm(SubmissionKeyMixin, forms.ModelForm):
    class Meta:
        model = Case
        fields = [
            "pseudonym",
            "status",
            "presenting_problem",
            "goals",
            "conceptualisation",
            *Case.VICIOUS_CIRCLE,
        ]
        widgets = {name: TEXT_AREA for name in fields if name not in ("pseudonym", "status")}

    def __init__(self, *args, supervisions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pseudonym"].widget.attrs["autocomplete"] = "off"
        long_text_limited(self)
        if supervisions is not None:
            self.fields["supervision"] = SupervisionChoiceField(
                label="Brought to",
                queryset=supervisions,
                empty_label=None,
                help_text="Only this supervisor can read the case.",
            )
            self.order_fields(["supervision", "pseudonym"])
            del self.fields["status"]
        if self.instance.pk:
            del self.fields["submission_key"]

    def _post_clean(self):
        # The service validates the whole case; the form only checks what was typed.
        pass

    def clean_pseudonym(self):
        return (self.cleaned_data.get("pseudonym") or "").strip()

    def field_groups(self):
        """Fields in three parts, so the template can show the vicious circle as one group."""
        circle = [self[name] for name in Case.VICIOUS_CIRCLE if name in self.fields]
        others = [self[name] for name in self.fields if name not in Case.VICIOUS_CIRCLE]
        return others, circle


class CaseCommentForm(SubmissionKeyMixin, forms.ModelForm):
    class Meta:
        model = CaseComment
        fields = ["text"]
        widgets = {"text": forms.Textarea(attrs={"rows": 3})}
        labels = {"text": "Your comment"}

    def _post_clean(self):
        pass
