"""What a signed-in session remembers about itself: when it began and when it was last used.

``config.middleware.SessionExpiryMiddleware`` ends a session from these; ``session_begin`` receives
Django's ``user_logged_in`` (connected in ``SupervisionConfig.ready``), which allauth's sign-in
sends once the second step is done.
"""

import time

from allauth.account.internal.flows.login import AUTHENTICATION_METHODS_SESSION_KEY

SIGNED_IN_AT_KEY = "signed_in_at"
LAST_SEEN_KEY = "last_seen_at"


def session_begin(sender=None, request=None, **kwargs) -> None:
    """Start the session's clocks, and let the sign-in count as a recent re-authentication.

    A person who signed in with their password (and second factor) a minute ago has just proved
    who they are; allauth asks again only for its ``reauthenticated`` records, so the sign-in's
    record is marked as one. It stays valid for ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` seconds.
    """
    if request is None or not hasattr(request, "session"):
        return
    now = time.time()
    request.session[SIGNED_IN_AT_KEY] = now
    request.session[LAST_SEEN_KEY] = now
    records = request.session.get(AUTHENTICATION_METHODS_SESSION_KEY)
    if isinstance(records, list) and records:
        records[-1] = {**records[-1], "reauthenticated": True}
        request.session[AUTHENTICATION_METHODS_SESSION_KEY] = records
