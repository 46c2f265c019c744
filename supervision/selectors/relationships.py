"""Supervision relationships a person takes part in."""

from django.db.models import QuerySet

from supervision.models import Supervision, User
from supervision.permissions import objects_for_user


def supervisions_visible_to(user: User) -> QuerySet[Supervision]:
    return objects_for_user(
        user, "view_supervision", Supervision.objects.select_related("supervisor", "supervisee")
    )


def supervisions_as_supervisor(user: User) -> QuerySet[Supervision]:
    return supervisions_visible_to(user).filter(supervisor=user).active()


def supervisions_as_supervisee(user: User) -> QuerySet[Supervision]:
    return supervisions_visible_to(user).filter(supervisee=user).active()
