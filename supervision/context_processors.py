"""Template context shared by every page: the person's roles, for the navigation."""

from django.utils.functional import SimpleLazyObject

from supervision.roles import roles_for


def roles(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    if not hasattr(request, "_roles"):
        request._roles = SimpleLazyObject(lambda: roles_for(user))
    return {"roles": request._roles}
