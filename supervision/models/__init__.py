"""One module per concept; import the models here so Django and other apps find them."""

from .cases import Case, CaseComment, CaseGroupObjectPermission, CaseUserObjectPermission
from .invitations import Invitation
from .meetings import (
    Attendance,
    Meeting,
    MeetingGroupObjectPermission,
    MeetingReflection,
    MeetingReflectionGroupObjectPermission,
    MeetingReflectionUserObjectPermission,
    MeetingUserObjectPermission,
)
from .people import User
from .relationships import (
    Supervision,
    SupervisionGroup,
    SupervisionGroupGroupObjectPermission,
    SupervisionGroupObjectPermission,
    SupervisionGroupUserObjectPermission,
    SupervisionUserObjectPermission,
)
from .signoffs import HoursSignOff

__all__ = [
    "Attendance",
    "Case",
    "CaseComment",
    "CaseGroupObjectPermission",
    "CaseUserObjectPermission",
    "HoursSignOff",
    "Invitation",
    "Meeting",
    "MeetingGroupObjectPermission",
    "MeetingReflection",
    "MeetingReflectionGroupObjectPermission",
    "MeetingReflectionUserObjectPermission",
    "MeetingUserObjectPermission",
    "Supervision",
    "SupervisionGroup",
    "SupervisionGroupGroupObjectPermission",
    "SupervisionGroupObjectPermission",
    "SupervisionGroupUserObjectPermission",
    "SupervisionUserObjectPermission",
    "User",
]
