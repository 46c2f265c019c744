"""Production: every essential value must come from the environment, and HTTPS is assumed."""

from .base import *  # noqa: F403
from .base import database, env, env_bool, env_list, require_env

DEBUG = False
SECRET_KEY = require_env("SECRET_KEY")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS") or [require_env("ALLOWED_HOSTS")]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS if not host.startswith(".")]

DATABASES = {
    "default": database(require_env("DATABASE_URL"), conn_max_age=600, conn_health_checks=True)
}

# The shared cache: allauth's failed sign-in counters and every other counter must be the same for
# every worker and every app server, which a per-process memory cache is not.
CACHES = {
    "default": {
        # Django's RedisCache, reusing its Redis client (config/cache.py says why).
        "BACKEND": "config.cache.RedisCache",
        "LOCATION": require_env("REDIS_URL"),
        "KEY_PREFIX": env("CACHE_KEY_PREFIX", "cbt"),
    }
}

# Sessions are read from the shared cache and written through to the database, so a page does
# not spend a query on its session and a Redis restart signs nobody out (Django's cached_db).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # whitenoise's CompressedManifestStaticFilesStorage, each URL worked out once (config/storage.py).
    "staticfiles": {"BACKEND": "config.storage.StaticFilesStorage"},
}

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Load balancers probe the health check over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
SECURE_HSTS_SECONDS = int(env("SECURE_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
X_FRAME_OPTIONS = "DENY"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL") or f"https://{ALLOWED_HOSTS[0]}"
SITE_URL = env("SITE_URL") or f"https://{ALLOWED_HOSTS[0]}"

# E-mail must really go out in production: SMTP, configured from the environment.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": require_env("EMAIL_HOST"),
            "port": int(env("EMAIL_PORT", "587")),
            "username": env("EMAIL_HOST_USER", ""),
            "password": env("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS", True),
            "timeout": int(env("EMAIL_TIMEOUT", "20")),
        },
    }
}
