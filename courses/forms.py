"""Forms for enrolling people in a course, one at a time or from a list of addresses."""

from django import forms
from django.core.exceptions import ValidationError

from courses.enrollment_lists import MAX_LINES
from courses.models import Enrollment
from supervision.models import User

MAX_UPLOAD_BYTES = 1024 * 1024
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


class EnrolPersonForm(forms.Form):
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
        help_text="A plain-text or CSV file with one address on each line (at most 1 MB).",
    )

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = _role_field(access)
        self.list_text = ""

    def clean_upload(self):
        upload = self.cleaned_data.get("upload")
        if not upload:
            return upload
        if upload.size > MAX_UPLOAD_BYTES:
            raise ValidationError("The file is larger than 1 MB; upload a shorter list.")
        try:
            self.uploaded_text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValidationError(
                "This file could not be read as text. Save it as plain text or CSV (UTF-8) "
                "and upload it again."
            ) from error
        return upload

    def clean(self):
        cleaned = super().clean()
        pasted = cleaned.get("addresses") or ""
        uploaded = getattr(self, "uploaded_text", "")
        text = "\n".join(part for part in (pasted, uploaded) if part.strip())
        if not self.errors and not text.strip():
            raise ValidationError("Paste some addresses or upload a file of addresses.")
        if len(text.splitlines()) > MAX_LINES:
            raise ValidationError(
                f"The list has more than {MAX_LINES} lines; split it into shorter lists."
            )
        self.list_text = text
        return cleaned


class ConfirmEnrollmentListForm(forms.Form):
    """Carries the checked addresses to the confirmation; they are checked again on submit."""

    emails = forms.CharField(widget=forms.HiddenInput)

    def __init__(self, *args, access, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"] = _role_field(access)
        self.fields["role"].widget = forms.HiddenInput()
