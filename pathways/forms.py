"""Forms for pathways on the site: assigning one (sharing uses the worksheet templates' form)."""

from django import forms

from pathways.models import Pathway
from supervision.forms import SubmissionKeyMixin


class PathwayAssignForm(SubmissionKeyMixin, forms.Form):
    """One rationale, one confidence and (beside it) one obstacles plan for the whole pathway."""

    pathway = forms.ModelChoiceField(queryset=Pathway.objects.none(), empty_label=None)
    rationale = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Why this pathway makes sense for this supervisee and for their patients.",
    )
    confidence = forms.IntegerField(
        label="Supervisee's confidence that they can do it (0-10)",
        min_value=0,
        max_value=10,
        required=False,
        widget=forms.NumberInput(attrs={"min": 0, "max": 10, "data-confidence": ""}),
        help_text="0 = not at all confident, 10 = completely confident.",
    )

    def __init__(self, *args, pathways, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pathway"].queryset = pathways
        self.fields["pathway"].label_from_instance = lambda pathway: (
            f"{pathway.title} ({len(pathway.steps.all())} steps, "
            f"{'library' if pathway.is_library else 'own'})"
        )
