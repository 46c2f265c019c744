"""The one place that grants, revokes and checks object permissions on clinical material.

Administrators are superusers, and both Django and guardian let superusers through every
check. Clinical material must stay private even from them, so every check here treats the
user as an ordinary user who holds only the permissions granted to them on each object.
"""

import copy
from collections.abc import Iterable
from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import Model, QuerySet
from django.db.models.expressions import RawSQL
from guardian.core import ObjectPermissionChecker
from guardian.shortcuts import remove_perm
from guardian.utils import get_group_obj_perms_model, get_identity, get_user_obj_perms_model


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

    def get_perms(self, obj: Model) -> list[str]:
        """The codenames the user holds on ``obj``, directly or through a group: ONE query.

        Guardian asks for the user's and the groups' permissions in two queries; a page that
        checks one object (a meeting record) paid both. The two sets are the same when read
        as one UNION. ``prefetch_perms`` fills the same cache, so listed objects still cost
        nothing here.
        """
        if self.user is None or not self.user.is_active:
            return []
        key = self.get_local_cache_key(obj)
        if key not in self._obj_perms_cache:
            user_perms = self.get_user_perms(obj).order_by()
            group_perms = self.get_group_perms(obj).order_by()
            self._obj_perms_cache[key] = list(set(user_perms.union(group_perms).order_by()))
        return self._obj_perms_cache[key]


def objects_for_user(user, perms: str | list[str], queryset: QuerySet, any_perm=False) -> QuerySet:
    """Objects of ``queryset`` the user holds ``perms`` on (codenames, or "app.codename"), filtered
    in the database: the queryset narrowed by one ``pk IN (…)`` subquery per permission.

    Every model here keeps its object permissions in guardian's direct foreign-key tables, and
    nothing here uses guardian's global permissions or superuser pass (DESIGN.md,
    "Permissions"), so the filter is written for exactly that: the user's rows UNION the rows of
    the groups they belong to. Guardian's ``get_objects_for_user`` answers the same question
    for every kind of permission model and spent about 3.7 ms of Python per call building it
    (issue 11's profile; five calls on the supervisor's dashboard). ``any_perm`` keeps objects
    holding at least one of ``perms``; otherwise each object must hold all of them.
    Raises ``ValueError`` for a model without direct foreign-key permission tables.
    """
    if not user.is_authenticated or not user.is_active:
        return queryset.none()
    codenames = [perm.rsplit(".", 1)[-1] for perm in ([perms] if isinstance(perms, str) else perms)]
    model = queryset.model
    content_type_id = ContentType.objects.get_for_model(model).pk
    if any_perm or len(codenames) == 1:
        return queryset.filter(pk__in=_holders(model, user.pk, content_type_id, codenames))
    for codename in codenames:
        queryset = queryset.filter(pk__in=_holders(model, user.pk, content_type_id, [codename]))
    return queryset


def _holders(model, user_id: int, content_type_id: int, codenames: list[str]) -> RawSQL:
    """The pks of ``model`` rows the user holds one of ``codenames`` on, directly or through a
    group, as one ``SELECT … UNION SELECT …`` for ``pk__in``.

    Written as SQL because the same filter built from querysets cost most of the function's time
    in Django's query building (issue 11); the values are always parameters.
    """
    return RawSQL(_holders_sql(model, len(codenames)), [user_id, content_type_id, *codenames] * 2)


@cache
def _holders_sql(model, codename_count: int) -> str:
    user_rows, group_rows = _permission_tables(model)
    quote = connection.ops.quote_name
    permissions = quote(Permission._meta.db_table)
    memberships = get_user_model().groups.through._meta
    codenames = ", ".join(["%s"] * codename_count)

    def column(rows, name: str) -> str:
        return quote(rows._meta.get_field(name).column)

    def held(rows, holder: str, join: str) -> str:
        table = quote(rows._meta.db_table)
        return (
            f"SELECT r.{column(rows, 'content_object')} FROM {table} r"
            f" INNER JOIN {permissions} p ON p.id = r.{column(rows, 'permission')}{join}"
            f" WHERE {holder} = %s AND p.content_type_id = %s AND p.codename IN ({codenames})"
        )

    member = quote(memberships.get_field("user").column)
    group_join = (
        f" INNER JOIN {quote(memberships.db_table)} m"
        f" ON m.{quote(memberships.get_field('group').column)} = r.{column(group_rows, 'group')}"
    )
    return (
        held(user_rows, f"r.{column(user_rows, 'user')}", "")
        + " UNION "
        + held(group_rows, f"m.{member}", group_join)
    )


@cache
def _permission_tables(model) -> tuple[type[Model], type[Model]]:
    """The model's direct foreign-key user and group permission models (guardian's lookup, once)."""
    user_rows, group_rows = get_user_obj_perms_model(model), get_group_obj_perms_model(model)
    if user_rows.objects.is_generic() or group_rows.objects.is_generic():
        raise ValueError(f"{model.__name__} has no direct foreign-key permission tables")
    return user_rows, group_rows


def grant(user, perms: Iterable[str], obj: Model | QuerySet | list[Model]) -> None:
    """Give ``user`` (a person or an auth group) each of ``perms`` (codenames) on ``obj``, or on
    every object of a queryset or list of one model.

    Two queries whatever the number of permissions and objects (three for a queryset, read
    first): the permissions, then one insert that skips rows already held. Guardian's
    ``assign_perm`` took four or five a permission and object (a lookup and a
    ``get_or_create`` in a savepoint); starting a supervision and recording its meetings and
    homework spent a third of their time there. Raises Permission.DoesNotExist for a codename
    that is not a permission of the objects' model, ValueError for an object not saved.
    """
    codenames = set(perms)
    objects = list(obj) if isinstance(obj, QuerySet | list | tuple) else [obj]
    if not codenames or not objects:
        return
    if any(getattr(each, "pk", None) is None for each in objects):
        raise ValueError(f"{obj!r} must be saved before permissions on it are granted.")
    person, group = get_identity(user)
    first = objects[0]
    model = get_user_obj_perms_model(first) if group is None else get_group_obj_perms_model(first)
    holder = {"user": person} if group is None else {"group": group}
    content_type = ContentType.objects.get_for_model(first)
    permissions = list(Permission.objects.filter(content_type=content_type, codename__in=codenames))
    missing = codenames - {permission.codename for permission in permissions}
    if missing:
        raise Permission.DoesNotExist(f"No permission {sorted(missing)} on {content_type}.")
    generic = any(field.name == "object_pk" for field in model._meta.concrete_fields)

    def target(each: Model) -> dict:
        if generic:  # guardian's own table, for models without a direct-FK one
            return {"content_type": content_type, "object_pk": str(each.pk)}
        return {"content_object": each}

    # The rows are unique on (holder, permission, object): one already held is left as it is.
    model.objects.bulk_create(
        [
            model(permission=permission, **holder, **target(each))
            for each in objects
            for permission in permissions
        ],
        ignore_conflicts=True,
    )


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
