"""Forms of the questionnaire pages: whom a rating is about, which two results to compare, a CSV."""

from django import forms
from django.utils import timezone

from questionnaires.csv_import import MAX_CHARACTERS, MAX_LINES
from supervision.forms import SubmissionKeyMixin
from supervision.presenting import short_date_year


class RatingStartForm(SubmissionKeyMixin, forms.Form):
    subject = forms.ModelChoiceField(
        queryset=None,
        label="Whom are you rating?",
        empty_label="Choose a supervisee",
        help_text="Only the people you supervise now. They see the rating once you release it.",
        error_messages={"required": "Choose whom you are rating."},
    )

    def __init__(self, *args, supervisees, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject"].queryset = supervisees
        self.fields["subject"].label_from_instance = lambda person: person.name


def _administration_label(entry) -> str:
    """E.g. "3 Nov 2026, 16:45 (version 2)" (the date as ``date:"j M Y, H:i"``)."""
    when = timezone.localtime(entry.submitted_at)
    return f"{short_date_year(when)}, {when:%H:%M} (version {entry.template_version.number})"


class AdministrationSelect(forms.Select):
    """Django's select written as one template: its options, plain values without groups or
    attributes of their own, are not an include each (two thirds of the history page's form,
    issue 11). The HTML is Django's."""

    template_name = "questionnaires/widgets/administration_select.html"


class CompareForm(forms.Form):
    """Two of the administrations a person may read; the earlier one always comes first."""

    first = forms.TypedChoiceField(coerce=int, label="Earlier", widget=AdministrationSelect)
    second = forms.TypedChoiceField(coerce=int, label="Later", widget=AdministrationSelect)

    def __init__(self, *args, administrations, **kwargs):
        super().__init__(*args, **kwargs)
        # Choices from the entries already read for the page, so the form costs no query.
        self.administrations = {entry.pk: entry for entry in administrations}
        choices = [(entry.pk, _administration_label(entry)) for entry in administrations]
        for name in ("first", "second"):
            self.fields[name].choices = choices

    def clean(self):
        cleaned = super().clean()
        first = self.administrations.get(cleaned.get("first"))
        second = self.administrations.get(cleaned.get("second"))
        if first and second:
            if first == second:
                self.add_error("second", "Choose a different administration from the first.")
                return cleaned
            if (second.submitted_at, second.pk) < (first.submitted_at, first.pk):
                first, second = second, first
            cleaned["first"], cleaned["second"] = first, second
        return cleaned


class ItemsImportForm(SubmissionKeyMixin, forms.Form):
    file = forms.FileField(
        label="CSV file",
        help_text=(
            "First line: the column names 'item text', 'scale' and 'reverse key' (optionally "
            "'machine name'); then one item per line. Save it from your spreadsheet as "
            f"'CSV UTF-8'. At most {MAX_LINES:,} lines and {MAX_CHARACTERS:,} characters."
        ),
    )
