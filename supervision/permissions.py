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
from django.db.models.signals import post_delete, pre_delete
from guardian.core import ObjectPermissionChecker
from guardian.utils import get_group_obj_perms_model, get_identity, get_user_obj_perms_model

from supervision.writes import rows_insert


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

    def remember(self, obj: Model, codenames: Iterable[str]) -> None:
        """Take ``codenames`` as all the user holds on ``obj``, read with it (``held_codenames``):
        ``get_perms`` then asks nothing."""
        self._obj_perms_cache[self.get_local_cache_key(obj)] = sorted(set(codenames))


def held_codenames(user, model: type[Model], content_type_id: int | None = None) -> RawSQL:
    """The codenames ``user`` holds on each ``model`` object, directly or through a group, joined
    by commas (NULL for none): a subquery to annotate a queryset of ``model`` with, so that an
    object and the person's permissions on it are one query (``ClinicalPermissionChecker.remember``).

    The same rows as ``get_perms``; for models with direct foreign-key permission tables
    (ValueError otherwise). Written as SQL once per model, as ``_holders`` is: built from
    querysets it cost more Python than the query it saved (issue 11, every object page).
    """
    if content_type_id is None:
        content_type_id = ContentType.objects.get_for_model(model).pk
    return RawSQL(_held_sql(model, connection.vendor), [content_type_id, user.pk, user.pk])


@cache
def _held_sql(model, vendor: str) -> str:
    user_rows, group_rows = _permission_tables(model)
    quote = connection.ops.quote_name
    memberships = get_user_model().groups.through._meta

    def column(rows, name: str) -> str:
        return quote(rows._meta.get_field(name).column)

    # The annotated queryset's own table: Django never aliases the main table of a query.
    this = f"{quote(model._meta.db_table)}.{quote(model._meta.pk.column)}"
    joined = (
        "STRING_AGG(p.codename, ',')" if vendor == "postgresql" else "GROUP_CONCAT(p.codename, ',')"
    )
    return (
        f"SELECT {joined} FROM {quote(Permission._meta.db_table)} p"
        f" WHERE p.content_type_id = %s AND p.id IN ("
        f"SELECT r.{column(user_rows, 'permission')} FROM {quote(user_rows._meta.db_table)} r"
        f" WHERE r.{column(user_rows, 'user')} = %s AND r.{column(user_rows, 'content_object')} = {this}"
        f" UNION SELECT r.{column(group_rows, 'permission')} FROM {quote(group_rows._meta.db_table)} r"
        f" INNER JOIN {quote(memberships.db_table)} m"
        f" ON m.{quote(memberships.get_field('group').column)} = r.{column(group_rows, 'group')}"
        f" WHERE m.{quote(memberships.get_field('user').column)} = %s"
        f" AND r.{column(group_rows, 'content_object')} = {this})"
    )


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
def has_direct_permission_tables(model: type[Model]) -> bool:
    """Whether guardian keeps ``model``'s object permissions in direct foreign-key tables."""
    try:
        _permission_tables(model)
    except ValueError:
        return False
    return True


@cache  # guardian walks the model's fields on every call; the answer never changes
def _permission_tables(model) -> tuple[type[Model], type[Model]]:
    """The model's direct foreign-key user and group permission models (guardian's lookup, once)."""
    user_rows, group_rows = _rows_model(model, False), _rows_model(model, True)
    if user_rows.objects.is_generic() or group_rows.objects.is_generic():
        raise ValueError(f"{model.__name__} has no direct foreign-key permission tables")
    return user_rows, group_rows


@cache  # as above, for any model: grant and revoke ask on every call
def _rows_model(model: type[Model], group: bool) -> type[Model]:
    """The model keeping the user's (or with ``group``, the group's) permissions on ``model``'s
    objects: its direct foreign-key table, or guardian's generic one."""
    return get_group_obj_perms_model(model) if group else get_user_obj_perms_model(model)


@cache
def _is_generic(rows_model: type[Model]) -> bool:
    """Whether ``rows_model`` is guardian's generic table (content type and object pk as text)."""
    return rows_model.objects.is_generic()


# Permission ids by content type id and codename, read once per process (as Django keeps content
# types): the rows only change when migrations run, and a flush (transactional tests) recreates
# them with new ids, so the post_migrate that follows empties this (SupervisionConfig.ready()).
_permission_ids: dict[int, dict[str, int]] = {}


def permission_ids_forget(**kwargs) -> None:
    """Forget the permission ids read so far (receiver of post_migrate; tests call it too)."""
    _permission_ids.clear()


def _permission_ids_of(content_type: ContentType, codenames: set[str]) -> list[int]:
    """The ids of these permissions of the content type: no query once the type's were read.

    A codename not read yet (a permission a migration added since) reads the type's again.
    Raises Permission.DoesNotExist for a codename the type has no permission for.
    """
    known = _permission_ids.get(content_type.pk)
    if known is None or not codenames <= known.keys():
        known = dict(
            Permission.objects.filter(content_type=content_type).values_list("codename", "pk")
        )
        _permission_ids[content_type.pk] = known
    missing = codenames - known.keys()
    if missing:
        raise Permission.DoesNotExist(f"No permission {sorted(missing)} on {content_type}.")
    return [known[codename] for codename in sorted(codenames)]


def grant(user, perms: Iterable[str], obj: Model | QuerySet | list[Model]) -> None:
    """Give ``user`` (a person or an auth group) each of ``perms`` (codenames) on ``obj``, or on
    every object of a queryset or list of one model.

    One insert whatever the number of permissions and objects, which skips rows already held
    (one more to read a queryset; one more the first time a process grants on the model, to
    read its permissions' ids). Guardian's ``assign_perm`` took four or five a permission and
    object (a lookup and a ``get_or_create`` in a savepoint); starting a supervision and
    recording its meetings and homework spent a third of their time there. Raises
    Permission.DoesNotExist for a codename that is not a permission of the objects' model,
    ValueError for an object not saved.
    """
    codenames = set(perms)
    objects = list(obj) if isinstance(obj, QuerySet | list | tuple) else [obj]
    if not codenames or not objects:
        return
    if any(getattr(each, "pk", None) is None for each in objects):
        raise ValueError(f"{obj!r} must be saved before permissions on it are granted.")
    person, group = get_identity(user)
    first = objects[0]
    model = _rows_model(type(first), group is not None)
    holder = {"user": person} if group is None else {"group": group}
    content_type = ContentType.objects.get_for_model(first)
    permission_ids = _permission_ids_of(content_type, codenames)
    generic = _is_generic(model)

    def target(each: Model) -> dict:
        if generic:  # guardian's own table, for models without a direct-FK one
            return {"content_type": content_type, "object_pk": str(each.pk)}
        return {"content_object": each}

    # The rows are unique on (holder, permission, object): one already held is left as it is.
    # Written once per process for each shape (supervision.writes): building the bulk insert
    # was most of a grant's Python, and every hand-in grants (issue 11).
    rows_insert(
        [
            model(permission_id=permission_id, **holder, **target(each))
            for each in objects
            for permission_id in permission_ids
        ],
        ignore_conflicts=True,
    )


def revoke(user, perms: Iterable[str], obj: Model | QuerySet) -> None:
    """Take permissions (codenames) back from ``user`` (a person or an auth group) on one object,
    or on every object of a queryset at once.

    One delete whatever the number of permissions (guardian's ``remove_perm`` took one each);
    one more to read a queryset of a model kept in guardian's generic table. Permissions not
    held are no error.
    """
    codenames = {perm.rsplit(".", 1)[-1] for perm in perms}
    if not codenames:
        return
    many = isinstance(obj, QuerySet)
    if not many and getattr(obj, "pk", None) is None:
        raise ValueError(f"{obj!r} must be saved before permissions on it are revoked.")
    model_of = obj.model if many else type(obj)
    person, group = get_identity(user)
    rows_model = _rows_model(model_of, group is not None)
    # Filtered by the columns themselves, in one call: the same rows as by the related objects,
    # without resolving them (most of a hand-in's revoke was building this delete).
    holder = {"user_id": person.pk} if group is None else {"group_id": group.pk}
    if _is_generic(rows_model):  # guardian's own table keeps the pk as text
        pks = [str(pk) for pk in obj.values_list("pk", flat=True)] if many else [str(obj.pk)]
        target = {"object_pk__in": pks}
    else:
        target = {"content_object__in": obj} if many else {"content_object_id": obj.pk}
    content_type = ContentType.objects.get_for_model(model_of)
    try:
        # By the permissions' ids, as grant does: a delete of the rows themselves, without a
        # join to the permissions in a subquery (its building was most of a hand-in's revoke).
        permission_ids = _permission_ids_of(content_type, codenames)
    except Permission.DoesNotExist:
        # A codename the model has no permission for is not held: no error, as before.
        held = {"permission__content_type": content_type, "permission__codename__in": codenames}
    else:
        if not many and not _is_generic(rows_model) and not _delete_listened(rows_model):
            # One object's rows in a direct table, by hand (every hand-in revokes the author's
            # editing): the statement Django sends for the filter below, whose building was
            # nine tenths of the revoke (issue 11).
            with connection.cursor() as cursor:
                cursor.execute(
                    _revoke_sql(rows_model, group is not None, len(permission_ids)),
                    [obj.pk, *holder.values(), *permission_ids],
                )
            return
        held = {"permission_id__in": permission_ids}
    rows_model.objects.filter(**holder, **target, **held).delete()


def _delete_listened(rows_model: type[Model]) -> bool:
    """Whether anything listens to the deletion of ``rows_model``'s rows: then Django deletes
    them (it reads them first, to send the signals), never ``_revoke_sql``."""
    return pre_delete.has_listeners(rows_model) or post_delete.has_listeners(rows_model)


@cache
def _revoke_sql(rows_model: type[Model], group: bool, permissions: int) -> str:
    """``revoke``'s delete from a direct foreign-key table: the rows of one object (the first
    parameter), held by one person (or with ``group``, one group: the second), of any of
    ``permissions`` permissions (their ids, the parameters after)."""
    quote = connection.ops.quote_name
    meta = rows_model._meta

    def column(name: str) -> str:
        return quote(meta.get_field(name).column)

    return (
        f"DELETE FROM {quote(meta.db_table)} WHERE {column('content_object')} = %s"
        f" AND {column('group' if group else 'user')} = %s"
        f" AND {column('permission')} IN ({', '.join(['%s'] * permissions)})"
    )


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
