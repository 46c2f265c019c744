"""Wagtail's users app with our people list (supervision.people_admin), for INSTALLED_APPS.

It lives apart from supervision/apps.py: Django picks an app's configuration automatically only
when apps.py holds exactly one, and SupervisionConfig.ready() connects the sign-in signals.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class PeopleUsersConfig(WagtailUsersAppConfig):
    """Replaces ``wagtail.users``: the same app (label ``wagtailusers``), our user viewset."""

    user_viewset = "supervision.people_admin.PeopleViewSet"
