"""Forms for managing a supervisor's own worksheet templates."""

from django import forms


class TemplateSharingForm(forms.Form):
    colleagues = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Colleagues who may use and edit this template",
        help_text="Other supervisors ticked here see the template and can change it; untick to stop sharing.",
    )

    def __init__(self, *args, colleagues, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["colleagues"].queryset = colleagues
