"""Forms of the privacy app: searching the read audit, confirming an erasure."""

from django import forms
from django.core.exceptions import ValidationError


class AuditSearchForm(forms.Form):
    person = forms.CharField(
        label="Person",
        required=False,
        max_length=150,
        help_text="Part of a name or e-mail address.",
    )
    date_from = forms.DateField(
        label="From", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    date_to = forms.DateField(
        label="To", required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean(self):
        data = super().clean()
        if data.get("date_from") and data.get("date_to") and data["date_from"] > data["date_to"]:
            self.add_error("date_to", "The end of the period must not be before its start.")
        return data


class ErasureConfirmForm(forms.Form):
    """The administrator types the person's e-mail address, so the wrong person is never erased."""

    email = forms.CharField(label="Type the person's e-mail address to confirm", max_length=254)

    def __init__(self, *args, person, **kwargs):
        super().__init__(*args, **kwargs)
        self.person = person

    def clean_email(self):
        email = self.cleaned_data["email"].strip()
        if email.lower() != self.person.email.lower():
            raise ValidationError("This is not the e-mail address of the person being erased.")
        return email
