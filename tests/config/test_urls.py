"""Error pages in our look, and the Wagtail admin and course pages wired in."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_404_page_is_in_our_look(client):
    client.force_login(UserFactory())
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()
    assert 'class="skip-link"' in response.content.decode()


def test_500_page_renders_without_a_request_context():
    from django.template.loader import render_to_string

    assert "Something went wrong" in render_to_string("500.html")


def test_403_page_is_in_our_look(rf):
    from django.core.exceptions import PermissionDenied
    from django.views.defaults import permission_denied

    request = rf.get("/")
    request.user = UserFactory()
    response = permission_denied(request, PermissionDenied())
    assert response.status_code == 403
    assert "You cannot open this page" in response.content.decode()


def test_course_editor_reaches_the_wagtail_admin(client, course_editor):
    client.force_login(course_editor)
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def test_supervisee_cannot_use_the_wagtail_admin(client, supervisee):
    client.force_login(supervisee)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code in (302, 403)


def test_pages_send_a_content_security_policy(client):
    response = client.get(reverse("account_login"))
    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "object-src 'none'" in policy


def test_every_url_of_ours_resolves_to_its_own_view():
    """No pattern hides another: the order of config/urls.py is free to follow the traffic
    (supervision's patterns, which have no prefix, are tried after the prefixed apps)."""
    import uuid

    from django.urls import get_resolver, resolve
    from django.urls.converters import IntConverter, UUIDConverter
    from django.urls.resolvers import RoutePattern

    from tests.authorization import _patterns, our_url_names

    samples = {IntConverter: 7, UUIDConverter: uuid.UUID(int=7)}
    ours = our_url_names()
    checked = 0
    for pattern, namespace in _patterns(get_resolver().url_patterns):
        name = f"{namespace}:{pattern.name}" if namespace else pattern.name
        if name not in ours or not isinstance(pattern.pattern, RoutePattern):
            continue  # Wagtail's page paths (a regular expression) go to its own serve view
        kwargs = {
            key: samples.get(type(converter), "x")
            for key, converter in pattern.pattern.converters.items()
        }
        match = resolve(reverse(name, kwargs=kwargs))
        assert match.view_name == name, f"{reverse(name, kwargs=kwargs)} is {match.view_name}"
        checked += 1
    assert checked > 100
