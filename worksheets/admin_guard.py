"""The Wagtail admin of owned snippets (worksheet templates, pathways): guards and buttons.

Every admin URL that names an object answers 404 for one the person may not see and 403 for an
action they may not take on it (the snippet's permission policy decides), so a supervisor never
reaches a colleague's private template or pathway through the admin.
"""

from functools import wraps

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.urls import URLPattern, reverse
from wagtail.admin.widgets import Button

# The action each admin URL with an object in it needs; anything not listed needs "change".
URL_ACTIONS = {
    "usage": "view",
    "history": "view",
    "history_results": "view",
    "inspect": "view",
    "delete": "delete",
    "unpublish": "publish",
    "revisions_unschedule": "publish",
    "lock": "lock",
}


def visible_to(policy, user):
    """What the person may see of the policy's model."""
    return policy.instances_user_has_any_permission_for(user, ["view"])


def guard_view(url_name: str, view, *, policy):
    """``view`` refusing an object the person may not see (404) or act on this way (403)."""
    action = URL_ACTIONS.get(url_name, "change")

    @wraps(view)
    def guarded(request, *args, **kwargs):
        pk = kwargs.get("pk")
        if pk is not None and request.user.is_authenticated:
            instance = visible_to(policy, request.user).filter(pk=unquote(str(pk))).first()
            if instance is None:
                raise Http404
            if not policy.user_has_permission_for_instance(request.user, action, instance):
                raise PermissionDenied
        return view(request, *args, **kwargs)

    return guarded


def guarded_urlpatterns(patterns, *, policy) -> list:
    """A viewset's URL patterns with every view guarded (``guard_view``)."""
    guarded = []
    for pattern in patterns:
        if isinstance(pattern, URLPattern):
            pattern = URLPattern(
                pattern.pattern,
                guard_view(pattern.name, pattern.callback, policy=policy),
                pattern.default_args,
                pattern.name,
            )
        guarded.append(pattern)
    return guarded


def copy_and_share_buttons(snippet, user, *, copy_url: str, sharing_url: str, plural: str):
    """The listing's "Copy to my …" (for authors) and "Share with colleagues" (for the owner)."""
    from worksheets.permissions import may_author_templates

    buttons = []
    if may_author_templates(user):
        buttons.append(
            Button(
                f"Copy to my {plural}",
                url=reverse(copy_url, args=[snippet.pk]),
                icon_name="copy",
                priority=20,
            )
        )
    if snippet.owner_id == user.pk:
        buttons.append(
            Button(
                "Share with colleagues",
                url=reverse(sharing_url, args=[snippet.pk]),
                icon_name="group",
                priority=30,
            )
        )
    return buttons
