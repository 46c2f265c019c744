"""Gives the Wagtail and Django admin a looser Content Security Policy than the rest of the site."""

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
