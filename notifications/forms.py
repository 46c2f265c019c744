"""The preferences form: which notices by e-mail, quiet hours, weekly summary and time zone."""

from django import forms

from notifications.models import Notification
from supervision.forms import TimeInput
from supervision.models.people import TIMEZONE_CHOICES


class PreferenceForm(forms.Form):
    email_kinds = forms.MultipleChoiceField(
        label="Also send these by e-mail",
        choices=Notification.Kind.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Every notice appears here in the app; ticked ones also arrive by e-mail. "
        "E-mails say only what is due and when, with a link.",
    )
    quiet_from = forms.TimeField(label="Quiet from", widget=TimeInput, required=False)
    quiet_until = forms.TimeField(
        label="Quiet until",
        widget=TimeInput,
        required=False,
        help_text="No e-mail or reminder arrives in these hours (your local time). Leave both "
        "empty for none.",
    )
    weekly_digest = forms.BooleanField(
        label="Weekly summary for supervisors (Monday morning)", required=False
    )
    timezone = forms.ChoiceField(
        label="Time zone",
        choices=[("", "Choose your time zone"), *TIMEZONE_CHOICES],
        help_text="Dates, due days and reminder times follow this zone.",
    )
