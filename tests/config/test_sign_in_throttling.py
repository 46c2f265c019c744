"""Failed sign-ins are counted in the shared Redis cache, so every worker refuses alike.

With a per-process memory cache each gunicorn worker kept its own counters: 20 wrong passwords
were checked 13 times before the first refusal. These tests sign in against a real Redis (the
database number of ``TEST_REDIS_URL``, db 1 by default) under a key prefix of their own.
"""

import os
import uuid

import pytest
import redis
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
LOGIN = reverse("account_login")
# allauth's "5/5m/key" in ACCOUNT_RATE_LIMITS: five failures per account in five minutes.
ALLOWED_FAILURES = 5


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not running at {REDIS_URL}; .ci/run starts it")
        pytest.skip(f"Redis is not running at {REDIS_URL}")
    prefix = f"test-throttle-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield prefix
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def _sign_in(client, password):
    return client.post(LOGIN, {"login": "target@example.org", "password": password})


def test_the_account_is_locked_after_the_allowed_failures_even_with_the_right_password(
    client, redis_cache
):
    UserFactory(email="target@example.org")
    for _ in range(ALLOWED_FAILURES):
        response = _sign_in(client, "wrong-password-1")
        assert "not correct" in response.content.decode()

    response = _sign_in(client, PASSWORD)

    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_counters_live_in_redis_where_every_worker_reads_them(client, redis_cache):
    from django.test import Client

    UserFactory(email="target@example.org")
    for _ in range(ALLOWED_FAILURES):
        _sign_in(client, "wrong-password-1")
    stored = list(redis.Redis.from_url(REDIS_URL).scan_iter(f"{redis_cache}:*"))
    assert stored, "allauth's counters are not in Redis"

    # Another browser (a request another worker serves) is refused as well.
    other_browser = Client()
    response = _sign_in(other_browser, PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in other_browser.session
