"""Homework in supervision: agreeing it, doing it, reviewing it and giving feedback on it."""

from django.apps import AppConfig


class HomeworkConfig(AppConfig):
    name = "homework"
    verbose_name = "Homework"
    default_auto_field = "django.db.models.BigAutoField"
