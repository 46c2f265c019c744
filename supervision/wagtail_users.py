"""The Wagtail admin's list of people, by display name (issue 16: it showed e-mail addresses).

Wagtail names a person by ``get_full_name()`` (``User`` returns the display name) and sorts the
Name column by last and first name, which we do not use; this view sorts by display name.
``supervision.apps.PeopleAdminConfig`` replaces ``wagtail.users`` in INSTALLED_APPS, the documented way to
customise the user viewset ("Customizing the user viewset", Wagtail's custom user model docs).
"""

from wagtail.users.views.users import IndexView, UserViewSet


class PeopleIndexView(IndexView):
    def order_queryset(self, queryset):
        if self.ordering == "name":
            return queryset.order_by("display_name", "email")
        if self.ordering == "-name":
            return queryset.order_by("-display_name", "-email")
        return super().order_queryset(queryset)


class PeopleViewSet(UserViewSet):
    index_view_class = PeopleIndexView
    ordering = "display_name"
