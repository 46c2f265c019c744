"""Template context shared by every page: the person's roles and the main navigation."""

from django.utils.functional import SimpleLazyObject

from supervision.navigation import navigation_for
from supervision.viewer import viewer_for


def roles(request):
    if getattr(request, "user", None) is None:
        return {}
    return {
        "roles": SimpleLazyObject(lambda: viewer_for(request).roles),
        "navigation": SimpleLazyObject(lambda: navigation_for(request, viewer_for(request).roles)),
    }
