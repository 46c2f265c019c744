"""Receivers of Wagtail's and Django's signals; each only hands over to a service.

The events this app sends to others are in ``worksheets.signals``.
"""

from django.dispatch import receiver
from wagtail.signals import published

from worksheets.models import WorksheetTemplate


@receiver(published, sender=WorksheetTemplate)
def freeze_published_template(sender, instance, revision, **kwargs):
    from worksheets.services.templates import template_version_publish

    template_version_publish(template=instance, published_by=revision.user if revision else None)


def library_curators_after_migrate(sender, **kwargs):
    from worksheets.services.templates import library_curators_ensure

    library_curators_ensure()
