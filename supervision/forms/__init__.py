"""Forms check what was typed; the services decide what may be saved."""

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

# The longest free text a record's section takes, as for a worksheet's reflection (20,000).
LONG_TEXT_MAX_CHARACTERS = 20_000


def long_text_limited(form: forms.BaseForm, limit: int = LONG_TEXT_MAX_CHARACTERS) -> None:
    """Give every multi-line text field of ``form`` without a length limit the limit ``limit``.

    Model ``TextField``s without ``max_length`` make form fields that take any length, so a
    300,000-character summary was stored (issue 10, item 5: what is stored obeys a limit). The
    browser is told too (``maxlength``), and the form says so beside the field.
    """
    for field in form.fields.values():
        multi_line = isinstance(field, forms.CharField) and isinstance(field.widget, forms.Textarea)
        if multi_line and field.max_length is None:
            field.max_length = limit
            field.validators.append(MaxLengthValidator(limit))
            field.widget.attrs["maxlength"] = str(limit)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format="%H:%M")


class RadioSelect(forms.RadioSelect):
    """Radio buttons that never offer a blank choice: the one radio widget of the project.

    Django gives a required model field with choices and no default a blank ("---------")
    choice, which a RadioSelect draws as a pre-selected empty button (issue 16). Here a question
    not answered yet shows no button checked, and the field's own "required" error asks for one.
    """

    def optgroups(self, name, value, attrs=None):
        groups = []
        for group_name, options, index in super().optgroups(name, value, attrs):
            options = [option for option in options if option["value"] not in ("", None)]
            if options:
                groups.append((group_name, options, index))
        return groups


class SubmissionKeyMixin(forms.Form):
    """A one-time key per opened form, so sending it twice saves once."""

    submission_key = forms.UUIDField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("submission_key", uuid.uuid4())


def apply_errors(form: forms.BaseForm, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: beside the field it names, else above the form.

    The one way every view shows what a service refused. An error about a hidden field (or a
    field the form does not have) goes above the form, where the person can read it.
    """
    if hasattr(error, "error_dict"):
        for name, messages in error.message_dict.items():
            field = form.fields.get(name)
            shown = field is not None and not field.widget.is_hidden
            form.add_error(name if shown else None, messages)
    else:
        form.add_error(None, error.messages)


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.email})"


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.email})"
