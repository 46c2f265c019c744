"""The supervision domain: people, relationships and everything discussed in supervision."""

from django.apps import AppConfig


class SupervisionConfig(AppConfig):
    name = "supervision"
    verbose_name = "Supervision"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from allauth.mfa.signals import authenticator_removed
        from django.contrib.auth.signals import user_logged_in
        from django.db.backends.signals import connection_created
        from django.db.models.signals import post_migrate

        from supervision import page_parts, privacy
        from supervision.permissions import permission_ids_forget
        from supervision.privacy_provider import PROVIDER as privacy_provider
        from supervision.second_factor import forget_second_factor
        from supervision.sessions import session_begin

        # A removed key or app may have been the last: the next request checks again.
        authenticator_removed.connect(
            forget_second_factor, dispatch_uid="supervision.forget_second_factor"
        )
        # Every sign-in (allauth's, the admin's, a test's force_login) starts the session's clocks.
        user_logged_in.connect(session_begin, dispatch_uid="supervision.session_begin")
        # Migrations (and a test's flush) may give permissions new ids: grant reads them again.
        post_migrate.connect(permission_ids_forget, dispatch_uid="supervision.permission_ids")
        privacy.register(privacy_provider)
        # Every write through Django's connections makes the page parts read from its table stale.
        connection_created.connect(
            page_parts.connection_watch, dispatch_uid="supervision.page_parts"
        )
