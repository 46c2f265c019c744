"""Test settings: fast hashing, tasks run immediately, e-mail kept in memory."""

from .base import *  # noqa: F403
from .base import ACCOUNT_RATE_LIMITS

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
