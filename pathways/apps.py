"""Pathways: sequences of homework steps that open one after another (issue 17, item 1)."""

from django.apps import AppConfig


class PathwaysConfig(AppConfig):
    name = "pathways"
    verbose_name = "Pathways"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.db.models.signals import post_migrate

        from pathways import panels as pathway_panels
        from pathways import receivers
        from supervision import panels
        from worksheets.signals import entry_submitted

        entry_submitted.connect(receivers.entry_submitted, dispatch_uid="pathways.entry_submitted")
        post_migrate.connect(receivers.pathway_curators_after_migrate, sender=self)
        panels.register(
            "homework.due",
            template="pathways/includes/_due_pathways.html",
            context=pathway_panels.due_pathways,
        )
        panels.register(
            "homework.assignment",
            template="pathways/includes/_assignment_pathway.html",
            context=pathway_panels.assignment_pathway,
        )
        panels.register(
            "dashboard.supervisee.actions",
            template="pathways/includes/_dashboard_assign.html",
            context=pathway_panels.dashboard_actions,
            order=110,
        )

        from pathways.privacy_provider import PROVIDER as privacy_provider
        from supervision import privacy

        privacy.register(privacy_provider)
