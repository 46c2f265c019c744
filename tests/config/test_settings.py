"""Settings come from the environment; production refuses to start without its essentials."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

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
        "django.core.cache.backends.redis.RedisCache",
        PRODUCTION_ENV["REDIS_URL"],
    ]
