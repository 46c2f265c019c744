"""Scored questionnaires: definitions, scoring, licensed-item import and the bundled questionnaires."""

from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "questionnaires"
    verbose_name = "Questionnaires"
    default_auto_field = "django.db.models.BigAutoField"
