"""One helper puts a service's ValidationError on a form: beside its field, or above the form."""

from django import forms
from django.core.exceptions import ValidationError

from supervision.forms import apply_errors


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
