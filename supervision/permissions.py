"""The one place that grants, revokes and checks object permissions on clinical material.

Administrators are superusers, and both Django and guardian let superusers through every
check. Clinical material must stay private even from them, so every check here treats the
user as an ordinary user who holds only the permissions granted to them on each object.
"""

import copy
from collections.abc import Iterable

from django.db.models import Model, QuerySet
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import assign_perm, get_objects_for_user, remove_perm


class ClinicalPermissionChecker(ObjectPermissionChecker):
    """Prefetch permissions for a list, then ask about each object; a request's is its viewer's."""

    def __init__(self, user):
        if getattr(user, "is_superuser", False):
            user = copy.copy(user)
            user.is_superuser = False
        super().__init__(user)

    def has_perm(self, perm: str, obj: Model) -> bool:
        if self.user is None or not self.user.is_active:
            return False
        return super().has_perm(perm, obj)


def objects_for_user(user, perms: str | list[str], queryset: QuerySet, any_perm=False) -> QuerySet:
    """Objects the user holds the permission on, filtered in the database."""
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    return get_objects_for_user(
        user,
        perms,
        klass=queryset,
        any_perm=any_perm,
        accept_global_perms=False,
        with_superuser=False,
    )


def grant(user, perms: Iterable[str], obj: Model) -> None:
    for perm in perms:
        assign_perm(perm, user, obj)


def revoke(user, perms: Iterable[str], obj: Model | QuerySet) -> None:
    """Take permissions back from one object, or from every object of a queryset at once."""
    for perm in perms:
        remove_perm(perm, user, obj)


def grant_exactly(obj: Model, perms: Iterable[str], *, wanted, current) -> None:
    """Hold ``perms`` on ``obj`` for exactly the ``wanted`` people (sharing with colleagues).

    ``current`` are those who hold them now; the wanted newcomers gain them, the others lose them.
    """
    perms = tuple(perms)
    wanted = {person.pk: person for person in wanted}
    current = {person.pk: person for person in current}
    for pk in wanted.keys() - current.keys():
        grant(wanted[pk], perms, obj)
    for pk in current.keys() - wanted.keys():
        revoke(current[pk], perms, obj)
