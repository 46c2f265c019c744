"""The health check tells a load balancer whether the database and the cache answer."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_health_is_200_when_database_and_cache_answer(client):
    response = client.get(reverse("health"))
    assert response.status_code == 200
    assert response.json() == {"database": "ok", "cache": "ok"}
    assert "no-store" in response["Cache-Control"]


def test_health_is_503_when_the_cache_is_unreachable(client, settings):
    # A Redis server on a port nothing listens on: the check must say so, not raise.
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",
        }
    }
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"database": "ok", "cache": "unreachable"}


def test_health_is_503_when_the_database_is_unreachable(client, monkeypatch):
    from django.db import connection

    def refuse(*args, **kwargs):
        raise ConnectionError("database down")

    monkeypatch.setattr(connection, "cursor", refuse)
    response = client.get(reverse("health"))
    assert response.status_code == 503
    assert response.json() == {"database": "unreachable", "cache": "ok"}
