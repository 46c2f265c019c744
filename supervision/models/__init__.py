"""One module per concept; import the models here so Django and other apps find them."""

from .people import User
from .relationships import (
    Supervision,
    SupervisionGroupObjectPermission,
    SupervisionUserObjectPermission,
)

__all__ = [
    "Supervision",
    "SupervisionGroupObjectPermission",
    "SupervisionUserObjectPermission",
    "User",
]
