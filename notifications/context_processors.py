"""The unread count for the bell in the navigation, read with the person's roles."""

from django.utils.functional import SimpleLazyObject

from supervision.viewer import viewer_for

UNREAD_FACT = "unread_notices"  # registered in NotificationsConfig.ready()


def unread_notifications(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "unread_notifications": SimpleLazyObject(
            lambda: viewer_for(request).roles.facts.get(UNREAD_FACT, 0)
        )
    }
