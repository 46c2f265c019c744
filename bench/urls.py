"""The site's URLs, ``/bench/hello/`` (the baseline every page's speed is divided by) and
``/bench/empty/`` (the floor of a signed-in page)."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import include, path


def hello(request):
    """A bare view through the same middleware: what the stack itself costs."""
    return HttpResponse("Hello, world", content_type="text/plain")


def empty(request):
    """The site's base template with no content, signed in: what every page pays before its own
    (the session, the person, their roles, the navigation)."""
    return render(request, "base.html")


urlpatterns = [
    path("bench/hello/", hello),
    path("bench/empty/", login_required(empty)),
    path("", include("config.urls")),
]
