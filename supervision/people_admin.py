"""Wagtail's people list and forms, naming and sorting people by their display name (issue 16,
item 9), and letting staff set a person's display name and time zone.

Wagtail's own list sorts its Name column by ``last_name, first_name``, which our people leave
empty (they have one ``display_name``), so the list came out in no useful order and opened
sorted by e-mail address. ``supervision.people_admin_app.PeopleUsersConfig`` replaces ``wagtail.users`` in
INSTALLED_APPS (Wagtail's documented way to customise the user viewset) and points it here.
"""

from django import forms
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views.users import IndexView, UserViewSet

from supervision.models import User
from supervision.models.people import TIMEZONE_CHOICES


class PeopleIndexView(IndexView):
    """The Name column shows ``get_full_name()`` (the display name) and sorts by it, then e-mail."""

    def order_queryset(self, queryset):
        if self.ordering == "name":
            return queryset.order_by("display_name", "email", "pk")
        if self.ordering == "-name":
            return queryset.order_by("-display_name", "-email", "-pk")
        return super().order_queryset(queryset)

    @property
    def search_fields(self):
        # Wagtail searches username, first and last name, e-mail; our people have a display name.
        return {"display_name", "email"}


class PeopleViewSet(UserViewSet):
    ordering = "name"
    index_view_class = PeopleIndexView
    create_template_name = "supervision/people_admin/create.html"
    edit_template_name = "supervision/people_admin/edit.html"

    def get_form_class(self, for_update=False):
        return PeopleEditForm if for_update else PeopleCreationForm


class PersonFields(forms.Form):
    """The display name and time zone in place of Wagtail's first and last name.

    Wagtail's form required a first and a last name, which our people do not have (one display
    name), and had no field for either of ours: staff could not correct them. The model's own
    validators (no direction controls in the name, a zone from the tz database) run too.
    """

    first_name = None
    last_name = None
    display_name = forms.CharField(
        label="Display name",
        max_length=150,
        help_text="How the person's name is shown to others, e.g. “Dr Maren Holt”.",
        error_messages={"required": "Enter the name shown to others."},
    )
    timezone = forms.ChoiceField(
        label="Time zone",
        choices=[("", "Not known yet: the site's zone"), *TIMEZONE_CHOICES],
        required=False,
        help_text="Dates, due days and reminder times follow this zone.",
        error_messages={"invalid_choice": "Choose a time zone from the list."},
    )


# The fields Wagtail's forms save, with ours in place of its first and last name.
PERSON_FORM_FIELDS = ["email", "display_name", "timezone", "is_superuser", "groups"]


class PeopleCreationForm(PersonFields, UserCreationForm):
    class Meta(UserCreationForm.Meta):
        model = User
        fields = PERSON_FORM_FIELDS


class PeopleEditForm(PersonFields, UserEditForm):
    class Meta(UserEditForm.Meta):
        model = User
        fields = [*PERSON_FORM_FIELDS, "is_active"]
