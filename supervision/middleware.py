"""Every date and time a person sees or is judged by is in their own time zone (DESIGN.md)."""

from django.utils import timezone


class PersonTimeZoneMiddleware:
    """Activate the signed-in person's zone for the request; the site's zone for everyone else.

    ``timezone.localdate()`` and ``localtime()`` (today, overdue, this week, date defaults, the
    "not before today" checks) and every date the templates show follow it. A blank or vanished
    zone name falls back to ``settings.TIME_ZONE`` (``User.zone``).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            timezone.activate(user.zone)
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
