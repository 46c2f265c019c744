"""How every view asks its one question: does this person hold this permission on this object?

Someone else's object answers 404, so its existence is not revealed. When the person may
see the object but not do what they asked, the answer is 403.
"""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from supervision.permissions import checker_for
from supervision.roles import roles_for


def object_for(request, queryset: QuerySet, pk, *, view: str, need: str | None = None) -> Model:
    obj = get_object_or_404(queryset, pk=pk)
    checker = checker_for(request)
    if not checker.has_perm(view, obj):
        raise Http404("No such page.")
    if need is not None and not checker.has_perm(need, obj):
        raise PermissionDenied
    return obj


def roles(request):
    if not hasattr(request, "_roles"):
        request._roles = roles_for(request.user)
    return request._roles


def administrator_required(view):
    """Programme administrators manage people and relationships; nobody else may."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not roles(request).administrator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
