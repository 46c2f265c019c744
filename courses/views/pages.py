"""Wagtail's page view, with the request's site read from the published tree's cache (issue 11).

Mounted at /learn/ in place of Wagtail's own (``courses.page_urls``).
"""

import hashlib

from django.core.exceptions import DisallowedHost
from wagtail import views as wagtail_views
from wagtail.models import Site

from courses import published_tree


def _site_for(request):
    """The request's site with its root page in its specific form, or False when there is none."""
    site = Site.find_for_request(request)
    if site is None:
        return False
    site.root_page = site.root_page.specific
    return site


def serve(request, path):
    """Wagtail's ``serve``, given the site for the request's host and port from the cache.

    Wagtail reads the site and then its root page on every request (two queries). Both change
    only when a site or a page is saved or deleted, and each of those starts a new generation
    of the published tree (``CoursesConfig.ready()``). A host Django refuses is left to
    Wagtail, which answers it as before.
    """
    try:
        host = request.get_host()
    except DisallowedHost:
        return wagtail_views.serve(request, path)
    # Hashed: the host is the visitor's, and cache keys have a length and a character set.
    where = hashlib.sha256(f"{host}|{request.get_port()}".encode()).hexdigest()
    site = published_tree.remembered(
        f"site:{where}", 0, lambda: _site_for(request), request=request
    )
    if site:
        # Where Wagtail's Site.find_for_request keeps the site for the rest of the request.
        request._wagtail_site = site
    return wagtail_views.serve(request, path)
