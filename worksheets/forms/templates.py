"""Forms for managing a supervisor's own worksheet templates (and, the same way, pathways)."""

from django import forms


class TemplateSharingForm(forms.Form):
    """Share one's own template (or pathway: ``noun``) with exactly the colleagues ticked."""

    colleagues = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, colleagues, noun: str = "template", **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["colleagues"]
        field.queryset = colleagues
        field.label = f"Colleagues who may use and edit this {noun}"
        field.help_text = (
            f"Other supervisors ticked here see the {noun} and can change it; untick to stop "
            "sharing."
        )

    def saved_message(self, title: str) -> str:
        """What the owner is told once the sharing is saved."""
        names = ", ".join(person.name for person in self.cleaned_data["colleagues"])
        return f"“{title}” is shared with {names}." if names else f"“{title}” is private to you."
