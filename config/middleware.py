"""Site-wide rules for every request: the admin's looser Content Security Policy, private
caching, session expiry, the second factor that administrators, course staff and supervisors
must have, and the demo's own 404 page."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.utils.cache import patch_cache_control

from supervision.second_factor import second_factor_missing
from supervision.sessions import LAST_SEEN_KEY, SIGNED_IN_AT_KEY


class AdminContentSecurityPolicyMiddleware:
    """Gives the Wagtail and Django admin a looser Content Security Policy than the rest of the site."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.ADMIN_CSP_PATH_PREFIXES):
            # Django's CSP middleware reads this attribute instead of SECURE_CSP.
            response._csp_config = settings.ADMIN_CSP
        return response


class PrivateCacheControlMiddleware:
    """Sends ``Cache-Control: no-store, private`` with every response of ours.

    Clinical pages, print views and downloads (hours CSVs, PDFs, attachments) must not stay in a
    shared computer's browser cache or in a proxy. Rather than trust each view to remember, every
    response gets it; only static files (served by whitenoise before this middleware, or by
    Django under ``STATIC_URL`` in development) and the public course images under
    ``MEDIA_URL/images/`` keep their own caching. A view's own directives (``max-age``...) are
    kept beside these, and ``no-store`` overrides them in every browser and proxy.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.public_prefixes = (settings.STATIC_URL, f"{settings.MEDIA_URL}images/")

    def __call__(self, request):
        response = self.get_response(request)
        if not request.path.startswith(self.public_prefixes):
            patch_cache_control(response, no_store=True, private=True)
        return response


class SessionExpiryMiddleware:
    """Ends a session after ``SESSION_IDLE_TIMEOUT`` seconds idle or ``SESSION_ABSOLUTE_LIFETIME``.

    Both are counted on the server, from times kept in the session (a cookie's age alone can be
    stretched by its holder). The last-seen time is written at most once a minute, so a page
    with many requests does not save the session each time. A request that arrives too late is
    treated as signed out: the view answers it as it would anyone's, usually with the sign-in
    page, and a message says why.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            self._check(request)
        return self.get_response(request)

    def _check(self, request) -> None:
        session, now = request.session, time.time()
        signed_in_at = session.get(SIGNED_IN_AT_KEY)
        last_seen = session.get(LAST_SEEN_KEY)
        if signed_in_at is None:
            # A session from before this rule (or a test's force_login): it starts now.
            signed_in_at = session[SIGNED_IN_AT_KEY] = now
        idle = last_seen is not None and now - last_seen > settings.SESSION_IDLE_TIMEOUT
        expired = now - signed_in_at > settings.SESSION_ABSOLUTE_LIFETIME
        if idle or expired:
            logout(request)
            if idle:
                minutes = settings.SESSION_IDLE_TIMEOUT // 60
                reason = f"after {minutes} minutes without activity"
            else:
                hours = settings.SESSION_ABSOLUTE_LIFETIME // 3600
                reason = f"{hours} hours after you signed in"
            messages.info(request, f"You were signed out {reason}. Please sign in again.")
            return
        if last_seen is None or now - last_seen >= 60:
            session[LAST_SEEN_KEY] = now


class SecondFactorRequiredMiddleware:
    """Sends administrators, course staff and supervisors to set up a second factor first.

    While ``SECOND_FACTOR_REQUIRED`` is on, such a person without an authenticator app or a
    security key reaches only allauth's pages (sign-out, password, the two-factor pages), which
    explain why (``request.second_factor_missing``). Who must have one:
    ``supervision.second_factor.second_factor_required_for``.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        request.second_factor_missing = False
        if not settings.SECOND_FACTOR_REQUIRED:
            return None
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return None
        if not second_factor_missing(request):
            return None
        request.second_factor_missing = True
        if view_func.__module__.startswith("allauth."):
            return None
        return redirect("mfa_index")


class OwnNotFoundPageMiddleware:
    """In the demo (DEBUG on), a page that is not found shows the product's own 404 page.

    With DEBUG on, Django answers a 404 with its technical page (URL patterns, settings hints),
    which a person trying the demo should never meet (issue 16). Listed last in MIDDLEWARE by
    ``config/settings/dev.py``, so it sees Django's answer for a view's Http404 and for an
    address no URL matches alike. ``DEBUG_TECHNICAL_404=1`` keeps Django's page for developers.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.status_code == 404
            and settings.DEBUG
            and response.get("Content-Type", "").startswith("text/html")
            and not getattr(response, "is_own_not_found_page", False)
        ):
            from django.views.defaults import page_not_found

            response = page_not_found(request, None)
            response.is_own_not_found_page = True
        return response
