"""One module per concept; import the models here so Django and other apps find them."""

from .entries import Entry, EntryGroupObjectPermission, EntryUserObjectPermission, Submission
from .templates import (
    TemplateVersion,
    WorksheetTemplate,
    WorksheetTemplateGroupObjectPermission,
    WorksheetTemplateUserObjectPermission,
)

__all__ = [
    "Entry",
    "EntryGroupObjectPermission",
    "EntryUserObjectPermission",
    "Submission",
    "TemplateVersion",
    "WorksheetTemplate",
    "WorksheetTemplateGroupObjectPermission",
    "WorksheetTemplateUserObjectPermission",
]
