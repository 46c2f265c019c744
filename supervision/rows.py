"""Objects read with hand-written SQL, built from its rows as Django's own queries build them.

Where building a query was most of a request's Python (issue 11: the hand-in of a homework
entry), the statement is written once per process from the models' meta and its row is turned
into objects here: every column converted from the database's value as the ORM converts it
(JSON parsed; SQLite's dates, times and booleans), each object marked as read from the
database, and the objects joined to each other as ``select_related`` joins them, so that
following a relation between them asks nothing.
"""

import copy
from collections.abc import Callable, Sequence
from typing import Any

from django.db import connection, connections
from django.db.models import Model, QuerySet
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


# Stand-ins for a prepared queryset's arguments while its SQL is written, two sets of them, so
# that a value that is not an argument shows: integers no key or count here comes near, yet
# positive and within 32 bits (Django answers "nothing" for a value outside a column's range
# without writing the condition at all).
_MARKERS = (2_147_000_001, 2_146_000_001)


class Prepared:
    """A queryset of one shape whose SQL Django writes once per process, then run with other
    integer arguments (keys): ``Prepared(lambda pk, person_id: Entry.objects.filter(...))``.

    ``objects(*args)`` is ``list(build(*args))``: the same statement, and the objects built by
    Django's own iterable (``select_related``, annotations, ``prefetch_related`` and all), only
    without building and compiling the queryset again, which on a page that reads one object
    with three related ones cost more Python than the rest of the view (issue 11: the entry
    with feedback, the meeting record).

    ``build`` must depend on its arguments alone, each an ``int``: no dates, no ``now()``, no
    settings read at call time. Preparing it twice with different stand-ins checks that the
    statement is the same and every other value equal (ValueError otherwise), which catches a
    ``now()`` though not a date that changes at midnight: keep those out.
    """

    def __init__(self, build: Callable[..., QuerySet]):
        self._build = build
        self._prepared: tuple[QuerySet, Any, str, tuple, list[tuple[int, int, type]]] | None = None
        self._vendor = ""

    def _compiled(self, arguments: list[int]) -> tuple[QuerySet, Any, str, tuple]:
        queryset = self._build(*arguments)
        compiler = queryset.query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        return queryset, compiler, sql, tuple(params)

    def _prepare(self, count: int) -> tuple[QuerySet, Any, str, tuple, list[tuple[int, int, type]]]:
        first = [_MARKERS[0] + i for i in range(count)]
        second = [_MARKERS[1] + i for i in range(count)]
        queryset, compiler, sql, params = self._compiled(first)
        _, _, sql_again, params_again = self._compiled(second)
        if sql != sql_again or len(params) != len(params_again):
            raise ValueError("A prepared queryset's statement depends on its arguments' values.")
        # (position in the statement's parameters, argument, its type there), for every place
        # an argument goes: an int, or one of psycopg's typed ints (a value in a select list).
        places = []
        for at, (value, again) in enumerate(zip(params, params_again, strict=True)):
            if isinstance(value, int) and not isinstance(value, bool) and int(value) in first:
                if int(again) != second[first.index(int(value))]:
                    raise ValueError("A prepared queryset's arguments moved between writings.")
                places.append((at, first.index(int(value)), type(value)))
            elif value != again:
                raise ValueError(
                    f"A prepared queryset depends on more than its arguments: {value!r} "
                    f"then {again!r}."
                )
        if {argument for _, argument, _ in places} != set(range(count)):
            raise ValueError("A prepared queryset does not use each of its arguments.")
        return queryset, compiler, sql, params, places

    def objects(self, *arguments: int) -> list[Model]:
        """The objects ``build(*arguments)`` gives, in its order."""
        if any(type(argument) is not int for argument in arguments):
            raise TypeError("A prepared queryset's arguments are integers.")
        if self._prepared is None or connection.vendor != self._vendor:
            self._prepared = self._prepare(len(arguments))
            self._vendor = connection.vendor
        queryset, compiler, sql, params, places = self._prepared
        values = list(params)
        for at, argument, kind in places:
            values[at] = arguments[argument] if kind is int else kind(arguments[argument])
        written = copy.copy(compiler)
        # This thread's connection: the one it was written with may be another thread's.
        written.connection = connections[compiler.using]
        # The statement as written, with this call's values: what the iterable executes.
        written.as_sql = lambda *args, **kwargs: (sql, values)
        run = queryset._chain()
        run.query.get_compiler = lambda *args, **kwargs: written
        return list(run)
