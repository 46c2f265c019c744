from django import forms

from portfolios.models import COMMENTARY_MAX_LENGTH, STATEMENT_MAX_LENGTH, SUMMARY_MAX_LENGTH
from supervision.forms import SubmissionKeyMixin


class PortfolioCreateForm(SubmissionKeyMixin, forms.Form):
    title = forms.CharField(max_length=200, help_text="For example: End of first year portfolio")


class PortfolioForm(forms.Form):
    title = forms.CharField(max_length=200)
    summary = forms.CharField(
        label="Reflective summary",
        required=False,
        max_length=SUMMARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text="What these pieces show about how your practice has developed.",
    )


class ShareForm(forms.Form):
    shared_with = forms.TypedChoiceField(
        label="Supervisor who may read it and add a statement",
        required=False,
        coerce=int,
        empty_value=None,
    )

    def __init__(self, *args, supervisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.supervisions = {s.pk: s for s in supervisions}
        self.fields["shared_with"].choices = [("", "No one")] + [
            (s.pk, s.supervisor.name) for s in supervisions
        ]


class ItemAddForm(SubmissionKeyMixin, forms.Form):
    choice = forms.CharField(widget=forms.HiddenInput)


class CommentaryForm(forms.Form):
    commentary = forms.CharField(
        label="Your commentary",
        required=False,
        max_length=COMMENTARY_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class StatementForm(forms.Form):
    statement = forms.CharField(
        label="Your statement",
        max_length=STATEMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Write the statement before saving it."},
    )
