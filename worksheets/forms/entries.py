"""Forms around an entry: its edit controls, sharing with supervisors, and the list's filters."""

from django import forms

from worksheets.models import Entry
from worksheets.models.entries import REFLECTION_MAX_LENGTH


class EntrySessionForm(forms.Form):
    """The bookkeeping every save posts: the entry version the page shows and the tab's session."""

    version = forms.IntegerField(min_value=1, widget=forms.HiddenInput)
    session = forms.RegexField(regex=r"^[0-9a-f]{32}$", widget=forms.HiddenInput)


class EntryControlsForm(EntrySessionForm):
    """What an entry page posts besides the answers: the free reflection and the bookkeeping."""

    reflection = forms.CharField(
        label="Free reflection",
        required=False,
        max_length=REFLECTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text="Anything else you want to note: what you noticed, learned or want to discuss.",
    )


class EntrySharingForm(forms.Form):
    """Which of the author's supervisors may read a submitted entry."""

    supervisors = forms.ModelMultipleChoiceField(
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label="Share with",
        help_text="Only the people ticked here can read this entry. Untick someone to stop sharing.",
    )

    def __init__(self, *args, supervisors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervisors"].queryset = supervisors


class EntryFilterForm(forms.Form):
    SHARED_CHOICES = [("", "Shared or private"), ("shared", "Shared"), ("private", "Private")]

    q = forms.CharField(label="Search", required=False, max_length=100)
    template = forms.ChoiceField(label="Worksheet", required=False)
    status = forms.ChoiceField(
        label="Status", required=False, choices=[("", "Any status"), *Entry.Status.choices]
    )
    sharing = forms.ChoiceField(label="Sharing", required=False, choices=SHARED_CHOICES)
    date_from = forms.DateField(
        label="Started on or after",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = forms.DateField(
        label="Started on or before",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, template_choices=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].choices = [("", "Any worksheet"), *template_choices]

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("date_from"), cleaned.get("date_to")
        if start and end and start > end:
            self.add_error("date_to", "The end date cannot be before the start date.")
        return cleaned
