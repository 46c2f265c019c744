"""The supervision domain: people, relationships and everything discussed in supervision."""

from django.apps import AppConfig
from wagtail.users.apps import WagtailUsersAppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = "Supervision"
    default_auto_field = "django.db.models.BigAutoField"


class PeopleAdminConfig(WagtailUsersAppConfig):
    """Wagtail's users app with our people list (supervision.wagtail_users.PeopleViewSet)."""

    user_viewset = "supervision.wagtail_users.PeopleViewSet"
