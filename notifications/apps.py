"""In-app notifications: the one place through which every notice to a person goes."""

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from notifications.privacy_provider import PROVIDER as privacy_provider
        from supervision import privacy

        privacy.register(privacy_provider)
