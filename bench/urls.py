"""The site's URLs and ``/bench/hello/``, the baseline every page's speed is divided by."""

from django.http import HttpResponse
from django.urls import include, path


def hello(request):
    """A bare view through the same middleware: what the stack itself costs."""
    return HttpResponse("Hello, world", content_type="text/plain")


urlpatterns = [path("bench/hello/", hello), path("", include("config.urls"))]
