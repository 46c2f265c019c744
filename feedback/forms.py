"""Forms for writing, editing and answering feedback; several sit on one page, so each has its own ids."""

from django import forms

from feedback.models import FEEDBACK_MAX_LENGTH, REPLY_MAX_LENGTH
from supervision.attachments import ALLOWED_LIST, MAX_ATTACHMENT_MB
from supervision.forms import SubmissionKeyMixin

ATTACHMENT_HELP = f"A file to go with the comment: {ALLOWED_LIST}; at most {MAX_ATTACHMENT_MB} MB."


def _text(rows: int, max_length: int) -> forms.Textarea:
    return forms.Textarea(attrs={"rows": rows, "maxlength": max_length})


class FeedbackForm(SubmissionKeyMixin, forms.Form):
    """A new comment; the anchor names the question (empty for the entry as a whole)."""

    body = forms.CharField(
        label="Comment",
        max_length=FEEDBACK_MAX_LENGTH,
        widget=_text(4, FEEDBACK_MAX_LENGTH),
        error_messages={"required": "Write the comment before saving it."},
    )
    attachment = forms.FileField(required=False, help_text=ATTACHMENT_HELP)
    anchor = forms.CharField(required=False, max_length=50, widget=forms.HiddenInput)

    def __init__(self, *args, anchor: str = "", label: str = "", **kwargs):
        key = anchor or "entry"
        kwargs.setdefault("auto_id", f"id_new_{key}_%s")
        kwargs.setdefault("initial", {"anchor": anchor})
        super().__init__(*args, **kwargs)
        if label:
            self.fields["body"].label = label


class FeedbackEditForm(forms.Form):
    body = forms.CharField(
        label="Comment",
        max_length=FEEDBACK_MAX_LENGTH,
        widget=_text(5, FEEDBACK_MAX_LENGTH),
        error_messages={"required": "A comment cannot be empty."},
    )
    attachment = forms.FileField(
        label="Replace the attachment",
        required=False,
        help_text=ATTACHMENT_HELP,
    )
    remove_attachment = forms.BooleanField(label="Remove the attachment", required=False)
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=1)

    def __init__(self, *args, feedback, **kwargs):
        kwargs.setdefault("auto_id", f"id_edit_{feedback.pk}_%s")
        kwargs.setdefault("initial", {"body": feedback.body, "version": feedback.version})
        super().__init__(*args, **kwargs)
        if not feedback.attachment:
            self.fields["attachment"].label = "Attachment"
            del self.fields["remove_attachment"]


class ReplyForm(SubmissionKeyMixin, forms.Form):
    body = forms.CharField(
        label="Your reply",
        max_length=REPLY_MAX_LENGTH,
        widget=_text(3, REPLY_MAX_LENGTH),
        error_messages={"required": "Write your reply before sending it."},
    )

    def __init__(self, *args, feedback, **kwargs):
        kwargs.setdefault("auto_id", f"id_reply_{feedback.pk}_%s")
        super().__init__(*args, **kwargs)
