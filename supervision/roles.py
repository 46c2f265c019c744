"""What a person can do here, worked out once per request from their relationships and groups."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.contrib.auth.models import Group
from django.db import connection
from django.db.models.expressions import RawSQL
from django.utils import timezone

from supervision.models import Supervision, User

# Facts about the person that apps above show on every page (the notices bell's count, whether
# the navigation offers "Courses"), read in the roles' one query instead of one query each
# (issue 11). name: a function returning a ``RawSQL`` over the person's row, in which
# ``PERSON_SQL`` is the person. Registered in the apps' ``ready()``; read with
# ``viewer_for(request).roles.facts``.
PERSON_FACTS: dict[str, Callable[[], RawSQL]] = {}

# The person's id in SQL written over the person's row (the roles' query and its facts).
PERSON_SQL = (
    f"{connection.ops.quote_name(User._meta.db_table)}."
    f"{connection.ops.quote_name(User._meta.pk.column)}"
)

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
    # The registered person facts, as of the start of the request (see PERSON_FACTS).
    facts: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def supervisor_in_training(self) -> bool:
        return self.supervisor and self.supervisee


@cache
def _role_sql() -> dict[str, tuple[str, Callable[[Any], list]]]:
    """Each role flag as an EXISTS over the person's row: SQL and its parameters for a date.

    Written as SQL because the same five ``Exists`` built from querysets were a tenth of the
    dashboard's Python time (issue 11); what they ask is in the docstrings of ``Roles``'s
    fields: supervising or supervised on that date, ever in a supervision, in a group.
    """
    quote = connection.ops.quote_name
    person = PERSON_SQL
    supervisions = quote(Supervision._meta.db_table)

    def column(model, name: str) -> str:
        return quote(model._meta.get_field(name).column)

    started, ended = column(Supervision, "started_on"), column(Supervision, "ended_on")
    active = f"s.{started} <= %s AND (s.{ended} IS NULL OR s.{ended} > %s)"

    def supervising(side: str, where: str) -> str:
        return (
            f"EXISTS (SELECT 1 FROM {supervisions} s"
            f" WHERE s.{column(Supervision, side)} = {person}{where})"
        )

    memberships = User.groups.through._meta
    group_table = quote(Group._meta.db_table)

    def in_group() -> str:
        return (
            f"EXISTS (SELECT 1 FROM {quote(memberships.db_table)} m INNER JOIN {group_table} g"
            f" ON g.{quote(Group._meta.pk.column)} = m.{quote(memberships.get_field('group').column)}"
            f" WHERE m.{quote(memberships.get_field('user').column)} = {person}"
            f" AND g.{column(Group, 'name')} = %s)"
        )

    return {
        "is_supervisor": (supervising("supervisor", f" AND {active}"), lambda on: [on, on]),
        "is_supervisee": (supervising("supervisee", f" AND {active}"), lambda on: [on, on]),
        "has_supervision": (
            f"({supervising('supervisor', '')} OR {supervising('supervisee', '')})",
            lambda on: [],
        ),
        "in_staff_group": (in_group(), lambda on: [COURSE_STAFF_GROUP]),
        "in_admin_group": (in_group(), lambda on: [ADMINISTRATORS_GROUP]),
    }


def person_fact(name: str, expression: Callable[[], RawSQL]) -> None:
    """Register a per-person fact read with the roles: ``expression()`` is a ``RawSQL`` selected
    over the person's row (``PERSON_SQL`` is the person). Raises ValueError for a name taken twice."""
    if name in PERSON_FACTS and PERSON_FACTS[name] is not expression:
        raise ValueError(f"The person fact {name!r} is registered twice")
    PERSON_FACTS[name] = expression
    _roles_statement.cache_clear()


@cache
def _roles_statement() -> tuple[str, list[Callable[[Any], list]]]:
    """The roles' one SELECT over the person's row, and for each column its parameters for a
    date. Run through a cursor: built as a queryset it cost a millisecond of Python on every
    page, more than the query itself (issue 11)."""
    columns, params = [], []
    for name, (sql, on_date) in _role_sql().items():
        columns.append(f"{sql} AS {connection.ops.quote_name(name)}")
        params.append(on_date)
    for name, expression in PERSON_FACTS.items():
        fact = expression()
        columns.append(f"({fact.sql}) AS {connection.ops.quote_name('fact_' + name)}")
        params.append(lambda on, fact_params=list(fact.params): fact_params)
    statement = (
        f"SELECT {', '.join(columns)} FROM {connection.ops.quote_name(User._meta.db_table)}"
        f" WHERE {PERSON_SQL} = %s"
    )
    return statement, params


def roles_for(user) -> Roles:
    """The person's roles today (their time zone's date) and the registered person facts: one query."""
    if not user.is_authenticated:
        return Roles()
    today = timezone.localdate()
    statement, params = _roles_statement()
    with connection.cursor() as cursor:
        cursor.execute(statement, [*(p for on_date in params for p in on_date(today)), user.pk])
        row = cursor.fetchone()
    if row is None:
        return Roles()
    # SQLite answers EXISTS with 0 or 1.
    flags = dict(zip([*_role_sql(), *(f"fact_{name}" for name in PERSON_FACTS)], row, strict=True))
    return Roles(
        supervisor=bool(flags["is_supervisor"]),
        supervisee=bool(flags["is_supervisee"]),
        course_staff=bool(flags["in_staff_group"]),
        administrator=user.is_superuser or bool(flags["in_admin_group"]),
        in_supervision=bool(flags["has_supervision"]),
        facts={name: flags[f"fact_{name}"] for name in PERSON_FACTS},
    )
