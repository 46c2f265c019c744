"""Wagtail's people list, naming and sorting people by their display name (issue 16, item 9).

Wagtail's own list sorts its Name column by ``last_name, first_name``, which our people leave
empty (they have one ``display_name``), so the list came out in no useful order and opened
sorted by e-mail address. ``supervision.people_admin_app.PeopleUsersConfig`` replaces ``wagtail.users`` in
INSTALLED_APPS (Wagtail's documented way to customise the user viewset) and points it here.
"""

from wagtail.users.views.users import IndexView, UserViewSet


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
