"""The person behind a request, worked out once: their roles, their object permissions, and a memo.

Every page asks the same few questions about the person looking at it (which roles do they
have, do they hold this permission on that object) and some pages ask them many times over.
``viewer_for(request)`` answers them from one ``Viewer`` per request. It lives on the request's
user object, so code that is handed only the user (Wagtail's permission policies, template
tags) gets the same viewer: Django loads the user afresh for every request.

``object_for`` is the one object lookup of every view: 404 for what the person may not know
exists, 403 for what they may see but not change (DESIGN.md, "Permissions").
"""

from collections.abc import Callable, Iterable
from functools import cached_property
from types import SimpleNamespace
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404

from supervision.audit import refusal_record
from supervision.permissions import (
    ClinicalPermissionChecker,
    has_direct_permission_tables,
    held_codenames,
)
from supervision.roles import Roles, roles_for
from supervision.rows import Prepared


class Viewer:
    """One person during one request."""

    def __init__(self, user):
        self.user = user
        self._memo: dict[Any, Any] = {}

    @cached_property
    def roles(self) -> Roles:
        """Supervisor, supervisee, course staff, administrator: one query, on first use."""
        return roles_for(self.user)

    @cached_property
    def checker(self) -> ClinicalPermissionChecker:
        """Object permissions, cached per object; ``prefetch`` fills it for a list at once."""
        return ClinicalPermissionChecker(self.user)

    def has_perm(self, perm: str, obj: Model) -> bool:
        """Whether the person holds ``perm`` (a codename) on ``obj``; superusers get no shortcut."""
        return self.checker.has_perm(perm, obj)

    def prefetch(self, objects: Iterable[Model]) -> None:
        """Load the person's permissions on every object of a list in one query per model."""
        objects = list(objects)
        if objects:
            self.checker.prefetch_perms(objects)

    def require(self, obj: Model, *, view: str, need: str | None = None) -> None:
        """Http404 unless the person holds ``view`` on ``obj``; PermissionDenied unless ``need`` too."""
        if not self.has_perm(view, obj):
            raise Http404("No such page.")
        if need is not None and not self.has_perm(need, obj):
            raise PermissionDenied

    def remember(self, key, compute: Callable[[], Any]) -> Any:
        """``compute()`` once per request for this key; later calls get the same answer."""
        if key not in self._memo:
            self._memo[key] = compute()
        return self._memo[key]


def viewer_for(request_or_user) -> Viewer:
    """The viewer of this request (or of the request this user object was loaded for)."""
    user = request_or_user.user if isinstance(request_or_user, HttpRequest) else request_or_user
    viewer = getattr(user, "_viewer", None)
    if viewer is None:
        viewer = Viewer(user)
        user._viewer = viewer
    return viewer


_HELD = "_viewer_codenames"


class Held:
    """A view's queryset of one kind of object, read one at a time by ``object_for`` with the
    person's permissions on it, its statement written once per process (``supervision.rows.
    Prepared``): for the object pages read most, where building that query was the larger part
    of the request (issue 11). ``queryset`` must not depend on the request, a date or the time.
    """

    def __init__(self, queryset: QuerySet):
        # Nothing is asked of the database here: a Held is made as its view module is imported.
        self.queryset = queryset
        # The content type is an argument, not written in: a test database flushed and
        # migrated again numbers content types afresh.
        self._prepared = Prepared(
            lambda pk, person, kind: queryset.annotate(
                **{_HELD: held_codenames(SimpleNamespace(pk=person), queryset.model, kind)}
            ).filter(pk=pk)
        )

    def object(self, pk: int, person: int) -> Model | None:
        """The object with this key and ``person``'s codenames on it as ``_viewer_codenames``
        (comma-joined, None for none), or None."""
        kind = ContentType.objects.get_for_model(self.queryset.model).pk
        found = self._prepared.objects(pk, person, kind)
        return found[0] if found else None


def object_for(
    request,
    queryset: QuerySet | Held,
    pk,
    *,
    view: str,
    need: str | None = None,
    of: Callable[[Model], Model] | None = None,
    perms_with_it: bool = True,
) -> Model:
    """The object with this pk, if the person holds ``view`` on it, else 404.

    ``need`` is the permission the action asks for on top of reading: without it, 403.
    ``of`` picks the object the permissions are held on when it is not the one looked up
    (an attachment is read by whoever may read its entry). A refusal of an object that exists
    is recorded in the read audit (``supervision.audit.refusal_record``, one insert).
    ``perms_with_it`` (the default) reads the person's permissions on the object in the
    object's own query when they are held on the object itself (no ``of``) and its model keeps
    them in direct foreign-key tables, as every model here does: one query instead of two on
    every object page, and every later check of the request on the object asks nothing.
    ``queryset`` may be a ``Held`` one: the same, without building the query again.
    """
    user = request.user
    held = queryset if isinstance(queryset, Held) else None
    if held is not None:
        queryset = held.queryset
    if (
        perms_with_it
        and of is None
        and user.is_authenticated
        and user.is_active
        and has_direct_permission_tables(queryset.model)
    ):
        if held is not None and type(pk) is int:
            obj = held.object(pk, user.pk)
            if obj is None:
                raise Http404("No such page.")
        else:
            obj = get_object_or_404(
                queryset.annotate(**{_HELD: held_codenames(user, queryset.model)}), pk=pk
            )
        viewer_for(request).checker.remember(
            obj, filter(None, (getattr(obj, _HELD) or "").split(","))
        )
    else:
        obj = get_object_or_404(queryset, pk=pk)
    return _checked(request, obj, of(obj) if of else obj, view=view, need=need)


def object_held(
    request, found: tuple[Model, Iterable[str]] | None, *, view: str, need: str | None = None
) -> Model:
    """``object_for`` for an object the view read itself, with the codenames the person holds on
    it (``found``: that pair, or None when no such object is theirs to ask for): 404 for None,
    then checked, refused and audited as ``object_for`` does, and the codenames remembered for
    the request's later checks.

    For a read written by hand because building its queryset was the cost (issue 11:
    ``worksheets.selectors.entries.own_entry_with_links``, the hand-in of an entry).
    """
    if found is None:
        raise Http404("No such page.")
    obj, codenames = found
    viewer_for(request).checker.remember(obj, codenames)
    return _checked(request, obj, obj, view=view, need=need)


def _checked(request, obj: Model, held_on: Model, *, view: str, need: str | None) -> Model:
    """``obj`` if the person holds ``view`` (and ``need``) on ``held_on``, else 404 (403)."""
    try:
        viewer_for(request).require(held_on, view=view, need=need)
    except (Http404, PermissionDenied):
        # An object that exists but was refused is audited (issue 13): who tried, not what.
        refusal_record(request, held_on)
        raise
    return obj
