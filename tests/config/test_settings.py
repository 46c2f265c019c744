"""Settings come from the environment; production refuses to start without its essentials."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
import redis
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "k3y-" + "x" * 60 + "-long-random-enough-for-deploy-check",
    "ALLOWED_HOSTS": "supervision.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "DATABASE_URL": "sqlite:///" + str(ROOT / "var" / "deploy-check.sqlite3"),
    "REDIS_URL": "redis://127.0.0.1:6379/1",
}
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/cbt_deploy_check"


def manage(*args, env_overrides=None, remove=()):
    env = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    env.update(PRODUCTION_ENV)
    env.update(env_overrides or {})
    for name in remove:
        env.pop(name, None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("database_url", [PRODUCTION_ENV["DATABASE_URL"], POSTGRES_URL])
def test_check_deploy_passes_with_real_values(database_url):
    # On PostgreSQL Wagtail's search index needs django.contrib.postgres (postgres.E005), which
    # pytest never sees because it skips the system checks; this runs them as an operator would.
    result = manage(
        "check", "--deploy", "--fail-level", "WARNING", env_overrides={"DATABASE_URL": database_url}
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL", "EMAIL_HOST", "REDIS_URL"]
)
def test_production_refuses_to_start_without(missing):
    result = manage("check", remove=[missing])
    assert result.returncode != 0
    assert f"The environment variable {missing} must be set" in result.stderr


def test_production_keeps_connections_with_health_checks():
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; d = settings.DATABASES['default'];"
        "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["600", "True"]


@pytest.mark.parametrize(
    ("setting", "expected"),
    [(None, "True 5"), ("false", "None None")],
)
def test_postgresql_connections_prepare_statements_unless_told_not_to(setting, expected):
    # Behind a pooler in transaction mode prepared statements break: the README says to turn
    # them off there, and SQLite has no such option.
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; o = settings.DATABASES['default'].get('OPTIONS', {});"
        "print(o.get('server_side_binding'), o.get('prepare_threshold'))",
        env_overrides={"DATABASE_URL": POSTGRES_URL}
        | ({"DATABASE_PREPARED_STATEMENTS": setting} if setting else {}),
        remove=() if setting else ["DATABASE_PREPARED_STATEMENTS"],
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == expected.split()


def test_production_on_sqlite_keeps_the_options_a_web_server_needs():
    # Production built its database entry itself and lost base's options (WAL, busy timeout,
    # immediate transactions); both now come from config.settings.base.database.
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; o = settings.DATABASES['default']['OPTIONS'];"
        "print(o['transaction_mode'], o['timeout'], 'server_side_binding' in o)",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["IMMEDIATE", "20", "False"]


@pytest.mark.django_db
def test_postgresql_prepares_a_statement_the_connection_runs_often(django_user_model):
    # The key pages' queries were mostly planning time (issue 11); prepared, PostgreSQL keeps
    # their plans. This runs on the PostgreSQL stage of CI, with the settings every server uses.
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("Prepared statements are PostgreSQL's.")
    for _ in range(6):
        list(django_user_model.objects.filter(email="prepared@example.org"))
    with connection.cursor() as cursor:
        cursor.execute("SELECT statement FROM pg_prepared_statements")
        prepared = [row[0] for row in cursor.fetchall()]
    assert any('FROM "supervision_user"' in sql and '"email" = $1' in sql for sql in prepared)


def test_database_url_selects_the_database():
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])",
        env_overrides={
            "DJANGO_SETTINGS_MODULE": "config.settings.dev",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/example",
        },
    )
    assert result.stdout.strip() == "django.db.backends.postgresql"


def test_production_shares_one_redis_cache_between_workers():
    result = manage(
        "shell",
        "--verbosity=0",
        "-c",
        "from django.conf import settings; c = settings.CACHES['default'];"
        "print(c['BACKEND'], c['LOCATION'])",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "config.cache.RedisCache",
        PRODUCTION_ENV["REDIS_URL"],
    ]


# --- Sign-in throttling in the shared cache ---------------------------------------------
# With a per-process memory cache each gunicorn worker kept its own failed sign-in counters: 20
# wrong passwords were checked 13 times before the first refusal. These tests sign in against a
# real Redis (the database of TEST_REDIS_URL, db 1 by default) under a key prefix of their own.

TEST_REDIS = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
LOGIN = reverse("account_login")
# allauth's "5/5m/key" in ACCOUNT_RATE_LIMITS: five failures per account in five minutes.
ALLOWED_FAILURES = 5


@pytest.fixture
def redis_cache(settings):
    try:
        redis.Redis.from_url(TEST_REDIS, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not running at {TEST_REDIS}; .ci/run starts it")
        pytest.skip(f"Redis is not running at {TEST_REDIS}")
    prefix = f"test-throttle-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.RedisCache",
            "LOCATION": TEST_REDIS,
            "KEY_PREFIX": prefix,
        }
    }
    yield prefix
    client = redis.Redis.from_url(TEST_REDIS)
    for key in client.scan_iter(f"{prefix}:*"):
        client.delete(key)


def _sign_in(client, password):
    return client.post(LOGIN, {"login": "target@example.org", "password": password})


@pytest.mark.django_db
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


def test_the_cache_keeps_one_redis_client_and_it_reads_what_it_wrote(redis_cache):
    # config.cache: Django's client built a redis.Redis (170 callbacks) for every operation.
    from django.core.cache import cache

    cache.set("one-client", {"kept": 1}, 30)
    first = cache._cache.get_client(write=True)
    assert cache.get("one-client") == {"kept": 1}
    assert cache._cache.get_client() is first
    assert cache._cache.get_client(write=True) is first
    assert cache.delete("one-client") and cache.get("one-client") is None


@pytest.mark.django_db
def test_the_counters_live_in_redis_where_every_worker_reads_them(client, redis_cache):
    from django.test import Client

    UserFactory(email="target@example.org")
    for _ in range(ALLOWED_FAILURES):
        _sign_in(client, "wrong-password-1")
    stored = list(redis.Redis.from_url(TEST_REDIS).scan_iter(f"{redis_cache}:*"))
    assert stored, "allauth's counters are not in Redis"

    # Another browser (a request another worker serves) is refused as well.
    other_browser = Client()
    response = _sign_in(other_browser, PASSWORD)
    assert "Too many failed login attempts" in response.content.decode()
    assert "_auth_user_id" not in other_browser.session
