"""The administrators' gate; every other view looks its object up with ``supervision.viewer.object_for``."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from supervision.viewer import viewer_for


def administrator_required(view):
    """Programme administrators manage people and relationships; nobody else may."""

    @login_required
    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if not viewer_for(request).roles.administrator:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapped
