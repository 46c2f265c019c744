"""Local development: debug on, console e-mail, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import BASE_DIR, env, env_bool

DEBUG = env_bool("DEBUG", True)
# WebAuthn insists on HTTPS except where this allows http://127.0.0.1 for development.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

# The product's own 404 page in the demo too (config.middleware.OwnNotFoundPageMiddleware).
if not env_bool("DEBUG_TECHNICAL_404", False):
    MIDDLEWARE = [*MIDDLEWARE, "config.middleware.OwnNotFoundPageMiddleware"]  # noqa: F405

# `make run` serves the site and runs the task worker as two processes: they share one cache, so
# what either writes makes the other's kept page parts stale at once (supervision.page_parts) and
# sign-in throttling counts in one place. Redis when REDIS_URL names one; else files in var/.
if env("REDIS_URL"):
    CACHES = {"default": {"BACKEND": "config.cache.RedisCache", "LOCATION": env("REDIS_URL")}}
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": str(BASE_DIR / "var" / "cache"),
            "OPTIONS": {"MAX_ENTRIES": 10000},
        }
    }
