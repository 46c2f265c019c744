"""Objects read with hand-written SQL, built from its rows as Django's own queries build them.

Where building a query was most of a request's Python (issue 11: the hand-in of a homework
entry), the statement is written once per process from the models' meta and its row is turned
into objects here: every column converted from the database's value as the ORM converts it
(JSON parsed; SQLite's dates, times and booleans), each object marked as read from the
database, and the objects joined to each other as ``select_related`` joins them, so that
following a relation between them asks nothing.
"""

from collections.abc import Sequence
from typing import Any

from django.db import connection
from django.db.models import Model
from django.db.models.fields.related import RelatedField
from django.db.models.fields.reverse_related import ForeignObjectRel


class Columns:
    """Every concrete column of ``model``'s table under the SQL name ``alias``, in field order.

    ``sql`` is the select list (``alias."column", …``), ``width`` its number of columns, and
    ``build(row, start)`` the object from the ``width`` values of ``row`` from ``start`` on.
    Built once per process with the statement it serves: the converters are the vendor's, which
    keep nothing of the connection they were asked of (the one they run for is passed to them).
    """

    def __init__(self, model: type[Model], alias: str):
        quote = connection.ops.quote_name
        fields = model._meta.concrete_fields
        self.model = model
        self.width = len(fields)
        self.sql = ", ".join(f"{alias}.{quote(field.column)}" for field in fields)
        self._pk_at = list(fields).index(model._meta.pk)
        # (position, the column as an expression, its converters), for the columns that have any.
        self._converters = []
        for at, field in enumerate(fields):
            column = field.get_col(alias)
            found = connection.ops.get_db_converters(column) + field.get_db_converters(connection)
            if found:
                self._converters.append((at, column, found))

    def build(self, row: Sequence[Any], start: int = 0) -> Model | None:
        """The object whose columns start at ``row[start]``; None when its primary key is NULL
        (the side of a LEFT OUTER JOIN that found no row)."""
        values = list(row[start : start + self.width])
        if values[self._pk_at] is None:
            return None
        for at, column, converters in self._converters:
            for convert in converters:
                values[at] = convert(values[at], column, connection)
        return self.model.from_db(connection.alias, None, values)


def objects_built(row: Sequence[Any], parts: Sequence[Columns]) -> list[Model | None]:
    """The object of each of ``parts`` from ``row``, whose columns are theirs, in that order, from
    its first; any columns after them are the caller's."""
    objects, start = [], 0
    for part in parts:
        objects.append(part.build(row, start))
        start += part.width
    return objects


def related_set(obj: Model, relation: RelatedField | ForeignObjectRel, other: Model | None) -> None:
    """Give ``obj`` its ``relation`` (a field of ``obj``'s model, or a reverse one-to-one) as
    ``select_related`` does: ``other`` without a query, None known to be none (a reverse
    one-to-one then raises DoesNotExist, a nullable key gives None), and a one-to-one's other
    side on ``other``."""
    relation.set_cached_value(obj, other)
    if other is None:
        return
    if isinstance(relation, ForeignObjectRel):
        relation.field.set_cached_value(other, obj)
    elif relation.unique:  # a one-to-one (or unique) key: ``other`` has one ``obj``
        relation.remote_field.set_cached_value(other, obj)


def row_read(sql: str, params: Sequence[Any]) -> tuple | None:
    """The first row of a hand-written SELECT, or None."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()


def rows_read(sql: str, params: Sequence[Any]) -> list[tuple]:
    """Every row of a hand-written SELECT, as the database returns them (no converters)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()
