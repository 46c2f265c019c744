"""Per-request rules of the supervision domain.

Every date and time a person sees or is judged by is in their own time zone (DESIGN.md):
`PersonTimeZoneMiddleware`.

`NormalisedInputMiddleware`: every text a request brings (query parameters, form fields, autosave)
in one Unicode form. NFC, without control characters (see `supervision.text.normalised`): a NUL typed or pasted into a
field, or sent as `?q=a%00b`, never reaches the database, where PostgreSQL would refuse it with an
error; and `Zoé` typed with a combining accent is stored as the `Zoé` everyone else typed.
Passwords are left exactly as typed (they are compared, never shown). Uploaded files are the
imports' business (they decode and check their own content).
"""

from django.http import HttpRequest, QueryDict
from django.utils import timezone

from supervision.text import normalised


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


def _normalised(query: QueryDict) -> QueryDict | None:
    """A copy with every value normalised, or None when nothing changes."""
    changed = False
    copy = QueryDict(mutable=True, encoding=query.encoding)
    for key, values in query.lists():
        if "password" in key:
            copy.setlist(key, values)
            continue
        cleaned = [normalised(value) for value in values]
        changed = changed or cleaned != values or normalised(key) != key
        copy.setlist(normalised(key), cleaned)
    if not changed:
        return None
    copy._mutable = False
    return copy


class NormalisedInputMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        if (query := _normalised(request.GET)) is not None:
            request.GET = query
        if request.method == "POST" and (form := _normalised(request.POST)) is not None:
            request.POST = form
        return self.get_response(request)
