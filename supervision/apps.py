"""The supervision domain: people, relationships and everything discussed in supervision."""

from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = "Supervision"
    default_auto_field = "django.db.models.BigAutoField"
