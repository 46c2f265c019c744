"""The demo (DEBUG on) answers a missing page with the product's own 404 page, not Django's."""

import pytest
from django.test import override_settings

pytestmark = pytest.mark.django_db

DEMO_MIDDLEWARE = "config.middleware.OwnNotFoundPageMiddleware"


@pytest.fixture
def demo(settings):
    settings.DEBUG = True
    settings.MIDDLEWARE = [*settings.MIDDLEWARE, DEMO_MIDDLEWARE]


@pytest.mark.parametrize("path", ["/no-such-page/", "/homework/999999/"])
def test_a_missing_page_in_the_demo_is_our_own(client, supervisor, demo, path):
    client.force_login(supervisor)
    response = client.get(path)
    assert response.status_code == 404
    content = response.content.decode()
    assert "Page not found" in content
    assert 'class="site-header"' in content
    assert "URLconf" not in content


def test_without_the_middleware_debug_shows_djangos_page(client, supervisor, settings):
    settings.DEBUG = True
    client.force_login(supervisor)
    with override_settings(DEBUG=True):
        response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert 'class="site-header"' not in response.content.decode()


def test_the_dev_settings_list_it_last():
    from config.settings import dev

    assert dev.MIDDLEWARE[-1] == DEMO_MIDDLEWARE
