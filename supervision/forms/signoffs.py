"""Forms for hours sign-off: submitting a period, returning it, reopening it, and checking a code."""

import datetime

from django import forms

from . import DateInput, SubmissionKeyMixin


class SignOffSubmitForm(SubmissionKeyMixin, forms.Form):
    starts_on = forms.DateField(label="First day", widget=DateInput)
    ends_on = forms.DateField(label="Last day", widget=DateInput)
    note = forms.CharField(
        label="Note to your supervisor",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Optional: anything your supervisor should know about this period.",
    )

    def __init__(self, *args, period: tuple[datetime.date, datetime.date] | None = None, **kwargs):
        """``period``: the dates to start with (``selectors.signoffs.next_period_to_submit``)."""
        super().__init__(*args, **kwargs)
        if not self.is_bound and period is not None:
            self.initial["starts_on"], self.initial["ends_on"] = period

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", "The last day cannot be before the first day.")
        return data


class SignOffReturnForm(forms.Form):
    return_comment = forms.CharField(
        label="What needs correcting",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say what needs correcting before returning the period."},
    )


class SignOffReopenForm(forms.Form):
    reopen_reason = forms.CharField(
        label="Why reopen the period",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Say why the period is reopened."},
    )


class LogBookVerifyForm(forms.Form):
    code = forms.CharField(
        label="Verification code",
        max_length=60,
        help_text="As printed at the end of the log book, for example 12-ABCD-EFGH-IJKL-MNOP.",
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
    )
    supervisee_name = forms.CharField(
        label="Trainee's name",
        max_length=150,
        help_text="As printed on the log book.",
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )
