"""Scored questionnaires on top of the engine: results pages, history, ratings of someone else, CSV item import."""

from django.apps import AppConfig


class QuestionnairesConfig(AppConfig):
    name = "questionnaires"
    verbose_name = "Questionnaires"
    default_auto_field = "django.db.models.BigAutoField"
