"""What a person can do here, worked out once per request from their relationships and groups."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from django.contrib.auth.models import Group
from django.db import connection
from django.db.models import Expression
from django.db.models.expressions import RawSQL
from django.utils import timezone

from supervision.models import Supervision, User

# Facts about the person that apps above show on every page (the notices bell's count, whether
# the navigation offers "Courses"), read in the roles' one query instead of one query each
# (issue 11). name: a function returning an expression over the person's row, where
# ``OuterRef("pk")`` or, in SQL, ``PERSON_SQL`` is the person. Registered in the apps' ``ready()``; read with
# ``viewer_for(request).roles.facts``.
PERSON_FACTS: dict[str, Callable[[], Expression]] = {}

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


def person_fact(name: str, expression: Callable[[], Expression]) -> None:
    """Register a per-person fact read with the roles; ``expression()`` is annotated on the
    person's row (``OuterRef("pk")``, or ``PERSON_SQL`` in SQL, is the person). Raises ValueError for a name taken twice."""
    if name in PERSON_FACTS and PERSON_FACTS[name] is not expression:
        raise ValueError(f"The person fact {name!r} is registered twice")
    PERSON_FACTS[name] = expression


def roles_for(user) -> Roles:
    """The person's roles today (their time zone's date) and the registered person facts: one query."""
    if not user.is_authenticated:
        return Roles()
    today = timezone.localdate()
    flags = (
        User.objects.filter(pk=user.pk)
        .annotate(
            **{name: RawSQL(sql, params(today)) for name, (sql, params) in _role_sql().items()},
            **{f"fact_{name}": expression() for name, expression in PERSON_FACTS.items()},
        )
        .values(*_role_sql(), *(f"fact_{name}" for name in PERSON_FACTS))
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
        facts={name: flags[f"fact_{name}"] for name in PERSON_FACTS},
    )
