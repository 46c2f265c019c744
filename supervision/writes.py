"""Rows written with SQL written once per process, for the writes every hand-in makes.

``Model.save()``, ``QuerySet.update()`` and ``bulk_create()`` build and compile a query for each
call. On the hand-in of a homework entry (issue 11, the submit POST) that building was a quarter
of the request's Python: six statements of fixed shape, each built again per request. Here the
statement of a given shape (model, fields, conflict rule) is written once per process from the
model's meta and the database's own operations (``connection.ops``: quoting, ``INSERT OR IGNORE``
or ``ON CONFLICT DO NOTHING``, ``RETURNING``), and each call only turns its values into
parameters, as the ORM does (each field's ``pre_save`` on insert, then ``get_db_prep_save``).

No model signals are sent (``pre_save``/``post_save``): use these only for models nothing listens
to (``writes_listened`` says whether something does; the callers' tests check it). Values that
are expressions (``F()``, subqueries, ``Now()``), and fields that write their own placeholder
(``get_placeholder_sql``: arrays, ranges, geometry), are refused with ``ValueError``: the ORM
writes those.
"""

from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from django.db import connections, router
from django.db.models import Field, Model
from django.db.models.constants import OnConflict
from django.db.models.signals import post_save, pre_save


def writes_listened(model: type[Model]) -> bool:
    """Whether a receiver is connected to ``model``'s own saves (then the ORM must save it).

    Receivers of every model's saves are not counted: each acts on its own kind of object
    (Wagtail's ``set_locale_on_new_instance``, on translatable ones); the tests list them.
    """
    return any(
        sender_ref is not None and sender_ref() is model
        for signal in (pre_save, post_save)
        for _key, _receiver, sender_ref, *_ in signal.receivers
    )


def row_insert(obj: Model, *, ignore_conflicts: bool = False) -> bool:
    """Insert the new object ``obj`` as ``obj.save()`` would, in one statement: each field's
    ``pre_save`` applied (``auto_now``, ``auto_now_add``), its key set from the database's answer
    (``RETURNING``) when the database numbers it, and ``obj`` marked as saved.

    With ``ignore_conflicts`` a row that a unique constraint already holds is not inserted and
    False is returned (``obj`` is left unsaved); otherwise True. Raises ValueError for an object
    already saved, a model of several tables (inheritance), or a value that is an expression;
    the database's IntegrityError as ``save()`` would.
    """
    if not obj._state.adding:
        raise ValueError(f"{obj!r} is saved already: row_insert inserts new objects.")
    model = type(obj)
    alias = router.db_for_write(model, instance=obj)
    connection = connections[alias]
    numbered = model._meta.auto_field is not None and obj.pk is None
    fields = _insert_fields(model, numbered)
    # The key is read back exactly when the database numbers it.
    sql = _insert_sql(model, 1, ignore_conflicts, numbered, numbered, connection.vendor, alias)
    with connection.cursor() as cursor:
        cursor.execute(sql, _values(obj, fields, connection))
        if numbered:
            row = cursor.fetchone()
            if row is None:
                return False
            obj.pk = row[0]
        elif ignore_conflicts and cursor.rowcount == 0:
            return False
    obj._state.adding = False
    obj._state.db = alias
    return True


def rows_insert(objs: Sequence[Model], *, ignore_conflicts: bool = False) -> None:
    """Insert new objects of one model as ``bulk_create(objs, ignore_conflicts=...)`` does: one
    statement for as many rows as the database takes parameters for (``bulk_batch_size``), their
    keys not read back (with conflicts ignored the database cannot say which rows were
    inserted), so the objects stay unsaved. Raises ValueError as ``row_insert`` does, and for
    objects of several models."""
    if not objs:
        return
    model = type(objs[0])
    if any(type(obj) is not model for obj in objs):
        raise ValueError("rows_insert inserts objects of one model at a time.")
    if any(not obj._state.adding for obj in objs):
        raise ValueError("rows_insert inserts new objects.")
    alias = router.db_for_write(model)
    connection = connections[alias]
    numbered = model._meta.auto_field is not None and objs[0].pk is None
    if any((obj.pk is None) != numbered for obj in objs):
        raise ValueError("rows_insert: either every object has its key or none has.")
    fields = _insert_fields(model, numbered)
    size = max(connection.ops.bulk_batch_size(fields, objs), 1)
    with connection.cursor() as cursor:
        for start in range(0, len(objs), size):
            batch = objs[start : start + size]
            sql = _insert_sql(
                model, len(batch), ignore_conflicts, numbered, False, connection.vendor, alias
            )
            cursor.execute(
                sql, [value for obj in batch for value in _values(obj, fields, connection)]
            )


def rows_update(
    model: type[Model],
    values: dict[str, Any],
    *,
    where: dict[str, Any],
    condition: str = "",
    condition_params: Sequence[Any] = (),
) -> int:
    """``UPDATE`` ``model``'s rows whose fields equal ``where`` (names to values, ``pk`` for the
    key; never None), and also meet ``condition`` when given (SQL over the table's own columns,
    its ``%s`` filled from ``condition_params``), setting the fields of ``values`` (names to
    values): what ``model.objects.filter(**where).update(**values)`` sends, without building it.
    Returns the number of rows changed. Raises ValueError for an expression among the values or
    a None in ``where``.
    """
    if any(value is None for value in where.values()):
        raise ValueError("rows_update: a None in `where` would match nothing (= NULL).")
    alias = router.db_for_write(model)
    connection = connections[alias]
    sql, set_fields, where_fields = _update_sql(
        model, tuple(values), tuple(where), condition, connection.vendor, alias
    )
    params = [
        _prepared(field, value, connection)
        for field, value in zip(set_fields, values.values(), strict=True)
    ]
    params += [
        _prepared(field, value, connection)
        for field, value in zip(where_fields, where.values(), strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *condition_params])
        return cursor.rowcount


def _values(obj: Model, fields: Sequence[Field], connection) -> list[Any]:
    """Each field's parameter for inserting ``obj``, as ``SQLInsertCompiler`` prepares it."""
    return [_prepared(field, field.pre_save(obj, True), connection) for field in fields]


def _prepared(field: Field, value: Any, connection) -> Any:
    if hasattr(value, "resolve_expression"):
        raise ValueError(f"{field.name}: an expression is written by the ORM, not here.")
    return field.get_db_prep_save(value, connection=connection)


def _plain(fields: Sequence[Field]) -> None:
    """Refuse fields that write a placeholder of their own: ``%s`` is not theirs."""
    for field in fields:
        if getattr(field, "get_placeholder_sql", None) is not None:
            raise ValueError(f"{field.name} writes its own placeholder: save it with the ORM.")


@cache
def _insert_fields(model: type[Model], numbered: bool) -> tuple[Field, ...]:
    """The fields an INSERT of ``model`` writes, in order: every column of its own table but a
    generated one, and but its key when the database numbers it (``numbered``)."""
    meta = model._meta
    if meta.parents:
        raise ValueError(f"{model.__name__} spans several tables: save it with the ORM.")
    fields = tuple(
        field
        for field in meta.local_concrete_fields
        if not field.generated and not (numbered and field is meta.auto_field)
    )
    _plain(fields)
    return fields


@lru_cache(maxsize=256)
def _insert_sql(
    model: type[Model],
    count: int,
    ignore_conflicts: bool,
    numbered: bool,
    returning: bool,
    vendor: str,
    alias: str,
) -> str:
    """The INSERT of ``count`` rows of ``_insert_fields(model, numbered)``, returning the key
    with ``returning``. ``vendor`` and ``alias`` are part of the cache's key only."""
    fields = _insert_fields(model, numbered)
    connection = connections[alias]
    quote = connection.ops.quote_name
    on_conflict = OnConflict.IGNORE if ignore_conflicts else None
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    sql = (
        f"{connection.ops.insert_statement(on_conflict=on_conflict)} {quote(model._meta.db_table)}"
        f" ({', '.join(quote(field.column) for field in fields)})"
        f" VALUES {', '.join([row] * count)}"
    )
    suffix = connection.ops.on_conflict_suffix_sql(fields, on_conflict, None, None)
    if suffix:
        sql += f" {suffix}"
    if returning:
        returned, _ = connection.ops.returning_columns([model._meta.pk])
        sql += f" {returned}"
    return sql


@lru_cache(maxsize=256)
def _update_sql(
    model: type[Model],
    names: tuple[str, ...],
    where: tuple[str, ...],
    condition: str,
    vendor: str,
    alias: str,
) -> tuple[str, tuple[Field, ...], tuple[Field, ...]]:
    """The UPDATE setting ``names`` where ``where`` are equal (and ``condition``), with the
    fields of each. ``vendor`` and ``alias`` are part of the cache's key only."""
    meta = model._meta

    def field_of(name: str) -> Field:
        return meta.pk if name == "pk" else meta.get_field(name)

    set_fields = tuple(field_of(name) for name in names)
    where_fields = tuple(field_of(name) for name in where)
    if not set_fields or not where_fields:
        raise ValueError("rows_update needs values to set and a `where` to find the rows.")
    if any(field.model is not model or not field.concrete for field in set_fields):
        raise ValueError(f"rows_update sets only {model.__name__}'s own columns.")
    _plain(set_fields)
    quote = connections[alias].ops.quote_name
    sql = (
        f"UPDATE {quote(meta.db_table)}"
        f" SET {', '.join(f'{quote(field.column)} = %s' for field in set_fields)}"
        f" WHERE {' AND '.join(f'{quote(field.column)} = %s' for field in where_fields)}"
    )
    if condition:
        sql += f" AND ({condition})"
    return sql, set_fields, where_fields
