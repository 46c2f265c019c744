"""Test settings: fast hashing, tasks run immediately, e-mail kept in memory."""

from .base import *  # noqa: F403
from .base import ACCOUNT_RATE_LIMITS, BASE_DIR, DATABASES

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
ACCOUNT_RATE_LIMITS = dict(ACCOUNT_RATE_LIMITS)
# The tests that are about them turn these on; everywhere else a person signs in with a password
# and acts at once, as in the tests written before them.
SECOND_FACTOR_REQUIRED = False
SENSITIVE_ACTIONS_NEED_REAUTHENTICATION = False
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A file, not memory: threads in the concurrency tests then meet SQLite's real locking
    # (WAL, busy timeout, immediate transactions) as a web server's requests do.
    DATABASES["default"]["TEST"] = {"NAME": str(BASE_DIR / "var" / "test-db.sqlite3")}
