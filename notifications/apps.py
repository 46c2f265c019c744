"""In-app notifications: the one place through which every notice to a person goes."""

from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "Notifications"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from notifications import receivers
        from notifications.context_processors import UNREAD_FACT
        from notifications.privacy_provider import PROVIDER as privacy_provider
        from notifications.selectors import unread_count_of_person
        from supervision import privacy
        from supervision.roles import person_fact
        from supervision.signals import hours_signoff_changed

        hours_signoff_changed.connect(
            receivers.hours_signoff_changed, dispatch_uid="notifications.hours_signoff_changed"
        )
        privacy.register(privacy_provider)
        person_fact(UNREAD_FACT, unread_count_of_person)
