"""Forms of the recording pages; the rules themselves are checked in ``recordings.services``."""

from django import forms

from recordings.models import COMMENT_MAX_LENGTH, DESCRIPTION_MAX_LENGTH, Recording
from recordings.services import default_delete_by
from supervision.forms import RadioSelect, SubmissionKeyMixin
from supervision.models import Case


class SupervisionChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        where = f" ({obj.group.name})" if obj.group_id else ""
        return f"{obj.supervisor.name}{where}"


class RecordingForm(SubmissionKeyMixin, forms.Form):
    """The details that go with an uploaded file; ``upload`` is filled in by the uploader."""

    upload = forms.UUIDField(
        widget=forms.HiddenInput,
        error_messages={"required": "Choose the recording file and wait for it to upload."},
    )
    supervision = SupervisionChoiceField(queryset=None, label="For supervision with")
    kind = forms.ChoiceField(label="What was recorded", choices=Recording.Kind.choices)
    case = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label="Case",
        help_text="The case the session was with, if you have brought it to supervision.",
    )
    description = forms.CharField(
        max_length=DESCRIPTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="A few words on the session and what you would like feedback on. No patient names.",
    )
    consent_by = forms.CharField(
        label="Who consented",
        max_length=200,
        help_text="For example “the patient (Mr K.)”; a pseudonym, never a real name.",
    )
    consent_method = forms.ChoiceField(label="How", choices=Recording.ConsentMethod.choices)
    consent_on = forms.DateField(
        label="When", widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"})
    )
    consent_use = forms.CharField(
        label="Consented for",
        max_length=300,
        initial="Review in my supervision",
        help_text="The uses agreed, for example “individual and group supervision”.",
    )
    delete_by = forms.DateField(
        label="Delete on",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text="The recording and its comments are deleted on this date.",
    )

    def __init__(self, *args, supervisions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["supervision"].queryset = supervisions
        self.fields["case"].queryset = Case.objects.filter(
            supervision__in=supervisions, status=Case.Status.OPEN
        ).order_by("pseudonym")
        self.fields["delete_by"].initial = default_delete_by()
        if supervisions.count() == 1:
            self.fields["supervision"].initial = supervisions.first()


class RecordingDetailsForm(forms.Form):
    description = forms.CharField(
        max_length=DESCRIPTION_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )
    delete_by = forms.DateField(
        label="Delete on",
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        help_text="Earlier is always possible; later only up to the programme's maximum.",
    )


class ReviewModeForm(forms.Form):
    review_mode = forms.ChoiceField(
        label="Who reviews this recording",
        choices=Recording.ReviewMode.choices,
        widget=RadioSelect,
    )


class CommentForm(SubmissionKeyMixin, forms.Form):
    seconds = forms.DecimalField(
        label="At (seconds)",
        min_value=0,
        max_digits=9,
        decimal_places=1,
        help_text="Filled in from the player when you start typing.",
        error_messages={"min_value": "The time cannot be before the start of the recording."},
    )
    body = forms.CharField(
        label="Comment", max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class ReplyForm(SubmissionKeyMixin, forms.Form):
    body = forms.CharField(
        label="Reply", max_length=COMMENT_MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 2})
    )


class RatingStartForm(SubmissionKeyMixin, forms.Form):
    template_version = forms.ModelChoiceField(queryset=None, label="Rating form")

    def __init__(self, *args, versions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template_version"].queryset = versions
        self.fields["template_version"].label_from_instance = lambda version: version.title
        if len(versions) == 1:
            self.fields["template_version"].initial = versions[0].pk


class MeetingLinkForm(forms.Form):
    meeting = forms.ModelChoiceField(queryset=None, label="Discussed at the meeting of")

    def __init__(self, *args, meetings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = meetings
        self.fields["meeting"].label_from_instance = lambda meeting: f"{meeting.date:%-d %B %Y}"
