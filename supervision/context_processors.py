"""Template context shared by every page: the person's roles, for the navigation."""

from django.utils.functional import SimpleLazyObject

from supervision.viewer import viewer_for


def roles(request):
    if getattr(request, "user", None) is None:
        return {}
    return {"roles": SimpleLazyObject(lambda: viewer_for(request).roles)}
