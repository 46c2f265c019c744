"""Site-wide response headers: the admin's looser Content Security Policy, private caching."""

from django.conf import settings
from django.utils.cache import patch_cache_control


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
