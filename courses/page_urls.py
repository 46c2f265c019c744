"""Wagtail's front-end URLs for the course pages (under /learn/), with our page view.

The same patterns and names as ``wagtail.urls``; only ``wagtail_serve`` is answered by
``courses.views.pages.serve``, which reads the request's site from the cache.
"""

from django.urls import URLPattern
from wagtail import urls as wagtail_urls

from courses.views.pages import serve

urlpatterns = [
    URLPattern(pattern.pattern, serve, pattern.default_args, pattern.name)
    if getattr(pattern, "name", None) == "wagtail_serve"
    else pattern
    for pattern in wagtail_urls.urlpatterns
]
