"""Forms for enrolling people in a course, one at a time or from a list of addresses."""

from django import forms
from django.core.exceptions import ValidationError

from courses.enrollment_lists import MAX_LINES
from courses.models import Enrollment
from supervision.forms import SubmissionKeyMixin
from supervision.models import User
from supervision.text import (
    MAX_TEXT_FILE_BYTES,
    MAX_TEXT_FILE_CHARACTERS,
    TextFileRefused,
    control_character_lines,
    decoded_text_file,
    line_count,
)

ROLE_HELP = (
    "Trainees and supervisors read the course and record their progress; supervisors also see "
    "their own supervisees’ progress. Course staff edit this course’s pages and submit them for "
    "review; course leads also publish."
)


def _role_field(access) -> forms.ChoiceField:
    choices = [
        (value, label) for value, label in Enrollment.Role.choices if access.may_grant(value)
    ]
    return forms.ChoiceField(
        label="Role", choices=choices, initial=Enrollment.Role.TRAINEE, help_text=ROLE_HELP
    )


class EnrolPersonForm(SubmissionKeyMixin, forms.Form):
    email = forms.EmailField(
        label="E-mail address",
        max_length=254,
        help_text="The address the person signs in with.",
    )

    def __init__(self, *args, course, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.course, self.access = course, access
        self.fields["role"] = _role_field(access)
        self.person: User | None = None

    def clean_email(self):
        email = self.cleaned_data["email"].strip().lower()
        self.person = User.objects.filter(email__iexact=email).first()
        if self.person is None:
            raise ValidationError(
                "No account uses this address. The programme administrator adds people; "
                "ask them first, then enrol the person here."
            )
        return email

    def clean(self):
        cleaned = super().clean()
        if self.person is not None:
            current = Enrollment.objects.filter(course=self.course, person=self.person).first()
            if current is not None and not self.access.may_grant(current.role):
                self.add_error(
                    "email",
                    f"{self.person.name} is a course lead; only a course lead can change that role.",
                )
        return cleaned


class EnrollmentListForm(forms.Form):
    addresses = forms.CharField(
        label="E-mail addresses",
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text="One address on each line. You can paste a column from a spreadsheet.",
    )
    upload = forms.FileField(
        label="Or upload a file",
        required=False,
        help_text=(
            f"A plain-text or CSV file (UTF-8) with one address on each line (at most "
            f"{MAX_LINES} lines)."
        ),
    )

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = _role_field(access)
        self.list_text = ""

    def clean_upload(self):
        """The file's text, decoded and counted as ``supervision.text`` does for every import."""
        upload = self.cleaned_data.get("upload")
        if not upload:
            return upload
        if upload.size > MAX_TEXT_FILE_BYTES:
            raise ValidationError(
                "The file is too large for a list of addresses; upload a shorter list."
            )
        try:
            text = decoded_text_file(upload.read(), save_as="plain text or 'CSV UTF-8'")
        except TextFileRefused as refusal:
            raise ValidationError(refusal.message) from refusal
        if len(text) > MAX_TEXT_FILE_CHARACTERS:
            raise ValidationError(
                f"The file has {len(text):,} characters; at most {MAX_TEXT_FILE_CHARACTERS:,}. Upload a "
                "shorter list."
            )
        controlled = control_character_lines(text)
        if controlled:
            shown = ", ".join(str(line) for line in controlled[:10])
            more = " and more" if len(controlled) > 10 else ""
            raise ValidationError(
                f"Line{'s' if len(controlled) > 1 else ''} {shown}{more} of the file contain"
                f"{'' if len(controlled) > 1 else 's'} a control character (such as a NUL byte), "
                "which cannot be read as an address. Is this a text file?"
            )
        self.uploaded_text = text
        return upload

    def clean(self):
        cleaned = super().clean()
        pasted = cleaned.get("addresses") or ""
        uploaded = getattr(self, "uploaded_text", "")
        text = "\n".join(part for part in (pasted, uploaded) if part.strip())
        if not self.errors and not text.strip():
            raise ValidationError("Paste some addresses or upload a file of addresses.")
        # Counted on the decoded text with LF line ends, whatever line ends the file had.
        if line_count(text.replace("\r\n", "\n").replace("\r", "\n")) > MAX_LINES:
            self.add_error(
                "upload" if uploaded else "addresses",
                f"The list has more than {MAX_LINES} lines; split it into shorter lists.",
            )
            return cleaned
        self.list_text = text
        return cleaned


class ConfirmEnrollmentListForm(SubmissionKeyMixin, forms.Form):
    """Carries the checked addresses to the confirmation; they are checked again on submit."""

    emails = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = _role_field(access)
        self.fields["role"].widget = forms.HiddenInput()
