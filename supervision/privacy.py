"""What each app holds about a person, and how it is exported and erased: one registry.

Like Moodle's privacy providers, every app declares in one place what it keeps about a person.
Supervision is the ground floor, so the registry lives here and every app (this one included)
registers its provider in its ``AppConfig.ready()`` without importing the ``privacy`` app::

    from supervision import privacy

    privacy.register(
        privacy.Provider(
            app="worksheets",
            holdings=(
                privacy.Holding("worksheets.Entry.author", privacy.DELETE, "Their own writing."),
                privacy.Holding("worksheets.TemplateVersion.published_by", privacy.KEEP,
                                "A published version never changes; it names the tombstone."),
            ),
            exports=(privacy.Export("Worksheet entries", entries_export),),
        )
    )

``Holding.field`` names one foreign key to the user model as ``"app_label.Model.field"``
(a many-to-many field's hidden through table is named by the field: ``"supervision.User.groups"``).
``tests/privacy/test_registry_coverage.py`` walks every foreign key to the user model, ours and
the packages' (allauth, guardian, Wagtail, django-tasks-db), and fails for one no provider holds.

Erasure (``privacy.services.erasure.person_erase``) keeps the person's row as a tombstone
("Erased person #12"), so what others keep (a supervisor's meeting records, course pages) still
points somewhere; ``DELETE`` holdings are deleted in registration order (INSTALLED_APPS order),
each with what cascades from it, files removed after commit. ``KEEP`` holdings are left as they
are and reported with their reason.

An ``Export`` gives one section of a person's export: ``rows(person)`` returns dicts of
JSON-ready values (``DjangoJSONEncoder`` handles dates and decimals) of the person's OWN
material only, never another person's private material; ``files(person)`` gives
``(name, FieldFile)`` pairs to copy into the ZIP.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

DELETE = "delete"
KEEP = "keep"


@dataclass(frozen=True)
class Holding:
    """One foreign key to a person: ``"app_label.Model.field"``, DELETE or KEEP, and why."""

    field: str
    action: str
    reason: str

    def __post_init__(self):
        if self.action not in (DELETE, KEEP):
            raise ValueError(f"{self.field}: action must be DELETE or KEEP, not {self.action!r}")
        if self.field.count(".") != 2:
            raise ValueError(f"{self.field!r} must read 'app_label.Model.field'")

    @property
    def model_label(self) -> str:
        return self.field.rsplit(".", 1)[0]

    @property
    def field_name(self) -> str:
        return self.field.rsplit(".", 1)[1]


@dataclass(frozen=True)
class Export:
    """One section of an export: a title and ``rows(person) -> Iterable[dict]``."""

    title: str
    rows: Callable[..., Iterable[dict]]
    files: Callable[..., Iterable[tuple]] | None = None


@dataclass(frozen=True)
class Provider:
    """Everything one app holds about people."""

    app: str
    holdings: tuple[Holding, ...] = ()
    exports: tuple[Export, ...] = ()


_registry: dict[str, Provider] = {}


PERMISSIONS_GONE = "An erased person reads nothing: their object permissions are deleted."


def object_permissions(*models: str) -> tuple[Holding, ...]:
    """DELETE holdings for guardian's direct user permission models, named ``"app.Model"``."""
    return tuple(Holding(f"{model}.user", DELETE, PERMISSIONS_GONE) for model in models)


def register(provider: Provider) -> Provider:
    """Register (or replace) the provider of ``provider.app``; called from ``ready()``."""
    _registry[provider.app] = provider
    return provider


def providers() -> list[Provider]:
    """Every registered provider, in registration order."""
    return list(_registry.values())


def holding_for(field: str) -> Holding | None:
    """The holding that declares this ``"app_label.Model.field"``, if any provider does."""
    for provider in _registry.values():
        for holding in provider.holdings:
            if holding.field == field:
                return holding
    return None
