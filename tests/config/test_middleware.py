"""Every response of the site says ``Cache-Control: no-store, private``; static files do not.

The authorization harness (tests/authorization.py) checks the header on every response of our
own URLs, with real objects, for every kind of person. Here every pattern of the resolver,
the packages' included (allauth, the Wagtail admin, documents, course pages), is requested
with sample arguments, so a page that answers without the header cannot hide anywhere.
"""

import re
import uuid

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.resolvers import RegexPattern, RoutePattern

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SAMPLES = {"int": "1", "slug": "x", "str": "x", "path": "x/", "uuid": str(uuid.uuid4())}


def _sample(pattern) -> str | None:
    """The pattern's address with sample arguments, or None for a regex we cannot fill in."""
    if isinstance(pattern, RoutePattern):
        return re.sub(
            r"<(?:(\w+):)?\w+>", lambda m: SAMPLES.get(m.group(1) or "str", "1"), str(pattern)
        )
    assert isinstance(pattern, RegexPattern)
    regex = re.sub(r"\(\?P<\w+>[^)]*\)", "1", pattern.regex.pattern).lstrip("^").rstrip("$")
    regex = regex.replace(r"\.", ".")
    return None if re.search(r"[\\()\[\]?*+|{}]", regex) else regex


def addresses(patterns=None, prefix="/"):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        part = _sample(pattern.pattern)
        if part is None:
            continue
        if isinstance(pattern, URLResolver):
            yield from addresses(pattern.url_patterns, prefix + part)
        elif isinstance(pattern, URLPattern):
            yield prefix + part


def test_every_url_pattern_answers_with_no_store_private():
    every = sorted(set(addresses()))
    assert len(every) > 300  # the walk reaches the packages' URLs too, not only ours
    anonymous = Client(raise_request_exception=False)
    signed_in = Client(raise_request_exception=False)
    signed_in.force_login(UserFactory(is_superuser=True, is_staff=True))
    missing = []
    for address in every:
        for who, client in (("anonymous", anonymous), ("administrator", signed_in)):
            response = client.get(address)
            directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
            if not {"no-store", "private"} <= directives:
                missing.append(f"{address} as {who}: {response.status_code} {directives}")
    assert not missing, "\n".join(missing)


def test_a_download_is_not_stored(client, supervisee):
    from django.urls import reverse

    client.force_login(supervisee)
    response = client.get(reverse("supervision:hours_csv"))
    assert response["Content-Type"].startswith("text/csv")
    assert set(response["Cache-Control"].replace(" ", "").split(",")) >= {"no-store", "private"}


def test_static_files_keep_their_own_caching(client, settings):
    from django.http import HttpResponse
    from django.test import RequestFactory

    from config.middleware import PrivateCacheControlMiddleware

    middleware = PrivateCacheControlMiddleware(lambda request: HttpResponse("body"))
    static = middleware(RequestFactory().get(f"{settings.STATIC_URL}css/site.css"))
    page = middleware(RequestFactory().get("/"))
    assert "Cache-Control" not in static
    assert page["Cache-Control"] == "no-store, private"
