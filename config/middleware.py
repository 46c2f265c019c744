"""Middleware of ours: the admin's looser Content Security Policy, and the demo's own 404 page."""

from django.conf import settings


class AdminContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(settings.ADMIN_CSP_PATH_PREFIXES):
            # Django's CSP middleware reads this attribute instead of SECURE_CSP.
            response._csp_config = settings.ADMIN_CSP
        return response


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
