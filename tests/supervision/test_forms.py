"""One helper puts a service's ValidationError on a form: beside its field, or above the form."""

from pathlib import Path

from django import forms
from django.core.exceptions import ValidationError

from supervision.forms import RadioSelect, apply_errors


class NoteForm(forms.Form):
    title = forms.CharField()
    token = forms.CharField(widget=forms.HiddenInput, required=False)


def test_an_error_about_a_field_stands_beside_it():
    form = NoteForm({"title": "x"})
    form.is_valid()
    apply_errors(form, ValidationError({"title": "Choose another title."}))
    assert form.errors["title"] == ["Choose another title."]
    assert form.non_field_errors() == []


def test_errors_about_hidden_or_unknown_fields_and_plain_errors_stand_above_the_form():
    form = NoteForm({"title": "x"})
    form.is_valid()
    apply_errors(form, ValidationError({"token": "Stale.", "subject": "Nobody."}))
    apply_errors(form, ValidationError("Not now."))
    assert sorted(form.non_field_errors()) == ["Nobody.", "Not now.", "Stale."]
    assert "token" not in form.errors


# --- Radio buttons: never a blank, pre-selected choice (issue 16) --------------------------


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        choices=[("", "---------"), ("done", "Done"), ("partly", "Partly done")],
        widget=RadioSelect,
    )


def test_a_radio_group_offers_no_blank_choice_and_checks_nothing_before_an_answer():
    html = str(OutcomeForm()["outcome"])
    assert 'value=""' not in html
    assert "---------" not in html
    assert "checked" not in html
    assert html.count('type="radio"') == 2


def test_a_missing_radio_answer_is_asked_for_beside_the_field():
    form = OutcomeForm({})
    assert not form.is_valid()
    assert form.errors["outcome"]


def test_the_review_form_has_no_blank_outcome():
    from homework.forms import ReviewForm

    html = str(ReviewForm()["outcome"])
    assert 'value=""' not in html
    assert "checked" not in html


def test_every_radio_group_of_ours_uses_the_one_widget():
    """The kind of bug, everywhere: a bare Django RadioSelect draws the blank choice."""
    root = Path(__file__).resolve().parents[2]
    offenders = [
        str(path.relative_to(root))
        for path in root.glob("*/**/*.py")
        if not path.is_relative_to(root / ".venv")
        and not path.is_relative_to(root / "node_modules")
        and path != root / "supervision" / "forms" / "__init__.py"
        and "forms.RadioSelect" in path.read_text(encoding="utf-8")
        and "tests" not in path.relative_to(root).parts
    ]
    assert offenders == []
