"""Forms administrators use to start and end relationships and groups, and to invite people."""

from django import forms
from django.contrib.auth.password_validation import validate_password
from django.utils import timezone

from supervision.models import Invitation, Supervision, SupervisionGroup, User

from . import DateInput, PeopleChoiceField, PersonChoiceField, RadioSelect, SubmissionKeyMixin


def _people():
    return User.objects.filter(is_active=True).order_by("display_name", "email")


class RelationshipStartForm(SubmissionKeyMixin, forms.Form):
    supervisor = PersonChoiceField(queryset=_people())
    supervisee = PersonChoiceField(queryset=_people())
    kind = forms.ChoiceField(choices=Supervision.Kind.choices, initial=Supervision.Kind.CLINICAL)
    started_on = forms.DateField(label="Start date", widget=DateInput, initial=timezone.localdate)

    def clean(self):
        data = super().clean()
        if data.get("supervisor") and data.get("supervisor") == data.get("supervisee"):
            self.add_error("supervisee", "A person cannot supervise themselves.")
        return data


class EndForm(forms.Form):
    ended_on = forms.DateField(
        label="End date",
        widget=DateInput,
        initial=timezone.localdate,
        help_text="Today or earlier. After this date nothing new can be added; past records stay readable.",
    )


class GroupDetailsForm(forms.Form):
    name = forms.CharField(max_length=120, help_text="For example “Wednesday CBT group”.")
    credit_rule = forms.ChoiceField(
        label="How group time counts in the hours log",
        choices=SupervisionGroup.CreditRule.choices,
        initial=SupervisionGroup.CreditRule.SHARED,
        widget=RadioSelect,
    )
    credit_percent = forms.IntegerField(
        label="Percentage credited",
        required=False,
        min_value=1,
        max_value=100,
        help_text="Only for the fixed-percentage rule, for example 50.",
    )

    def clean(self):
        data = super().clean()
        if data.get("credit_rule") == "percent" and not data.get("credit_percent"):
            self.add_error("credit_percent", "Enter the percentage credited for each meeting.")
        return data


class GroupStartForm(SubmissionKeyMixin, GroupDetailsForm):
    supervisor = PersonChoiceField(queryset=_people())
    kind = forms.ChoiceField(choices=Supervision.Kind.choices, initial=Supervision.Kind.CLINICAL)
    started_on = forms.DateField(label="Start date", widget=DateInput, initial=timezone.localdate)
    members = PeopleChoiceField(
        queryset=_people(),
        required=False,
        help_text="Hold Ctrl (or ⌘) to choose several. Members can also be added later.",
    )

    field_order = [
        "name",
        "supervisor",
        "kind",
        "started_on",
        "members",
        "credit_rule",
        "credit_percent",
    ]

    def clean(self):
        data = super().clean()
        supervisor, members = data.get("supervisor"), data.get("members") or []
        if supervisor and supervisor in members:
            self.add_error("members", "The group's supervisor cannot also be a member.")
        return data


class GroupMemberAddForm(SubmissionKeyMixin, forms.Form):
    supervisee = PersonChoiceField(label="New member", queryset=_people())
    started_on = forms.DateField(label="Joins on", widget=DateInput, initial=timezone.localdate)


class InvitationForm(SubmissionKeyMixin, forms.Form):
    email = forms.EmailField(label="E-mail address")
    display_name = forms.CharField(
        label="Name",
        max_length=150,
        required=False,
        help_text="How the person's name will be shown; they can change it when they accept.",
    )
    kind = forms.ChoiceField(choices=Invitation.Kind.choices, initial=Invitation.Kind.CLINICAL)
    group = forms.ModelChoiceField(
        label="Group",
        queryset=SupervisionGroup.objects.none(),
        required=False,
        empty_label="None: individual supervision",
        help_text="Choose a group to invite the person into it; its kind of supervision applies.",
    )

    def __init__(self, *args, groups, supervisors=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = groups
        if supervisors is not None:
            # Administrators invite on a supervisor's behalf.
            self.fields["supervisor"] = PersonChoiceField(queryset=supervisors)
            self.order_fields(["supervisor", "email", "display_name", "kind", "group"])
        if not groups.exists():
            del self.fields["group"]

    def clean(self):
        data = super().clean()
        group, supervisor = data.get("group"), data.get("supervisor")
        if group and supervisor and group.supervisor_id != supervisor.pk:
            self.add_error("group", "Choose a group this supervisor leads.")
        return data


class AcceptInvitationForm(forms.Form):
    """A person new here names themselves and chooses a password."""

    display_name = forms.CharField(label="Your name", max_length=150)
    password1 = forms.CharField(
        label="Choose a password",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
        help_text="At least 10 characters; not a common password and not only numbers.",
    )
    password2 = forms.CharField(
        label="Type the password again",
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        strip=False,
    )

    def __init__(self, *args, email: str, **kwargs):
        self.email = email
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        first, second = data.get("password1"), data.get("password2")
        if first and second and first != second:
            self.add_error("password2", "The two passwords are not the same.")
        elif first:
            try:
                validate_password(
                    first, User(email=self.email, display_name=data.get("display_name", ""))
                )
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return data
