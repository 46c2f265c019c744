"""What a person can do here, worked out once per request from their relationships and groups."""

from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from supervision.models import Supervision, User

COURSE_STAFF_GROUP = "Course staff"
ADMINISTRATORS_GROUP = "Programme administrators"


@dataclass(frozen=True)
class Roles:
    supervisor: bool = False
    supervisee: bool = False
    course_staff: bool = False
    administrator: bool = False
    # Has taken part in supervision at some time, so has records to go back to.
    in_supervision: bool = False

    @property
    def supervisor_in_training(self) -> bool:
        return self.supervisor and self.supervisee


def roles_for(user) -> Roles:
    if not user.is_authenticated:
        return Roles()
    active = Supervision.objects.active(timezone.localdate())
    flags = (
        User.objects.filter(pk=user.pk)
        .annotate(
            is_supervisor=Exists(active.filter(supervisor=OuterRef("pk"))),
            is_supervisee=Exists(active.filter(supervisee=OuterRef("pk"))),
            has_supervision=Exists(
                Supervision.objects.filter(
                    Q(supervisor=OuterRef("pk")) | Q(supervisee=OuterRef("pk"))
                )
            ),
            in_staff_group=Exists(
                User.groups.through.objects.filter(
                    user_id=OuterRef("pk"), group__name=COURSE_STAFF_GROUP
                )
            ),
            in_admin_group=Exists(
                User.groups.through.objects.filter(
                    user_id=OuterRef("pk"), group__name=ADMINISTRATORS_GROUP
                )
            ),
        )
        .values(
            "is_supervisor", "is_supervisee", "has_supervision", "in_staff_group", "in_admin_group"
        )
        .first()
    )
    if flags is None:
        return Roles()
    return Roles(
        supervisor=flags["is_supervisor"],
        supervisee=flags["is_supervisee"],
        course_staff=flags["in_staff_group"],
        administrator=user.is_superuser or flags["in_admin_group"],
        in_supervision=flags["has_supervision"],
    )
