"""Settings shared by every environment; values that differ per machine come from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config.logging import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env(name: str, default: str | None = None) -> str | None:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def require_env(name: str) -> str:
    """Production refuses to start without its essential settings rather than guessing them."""
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set for production settings."
        )
    return value


# --- Core -------------------------------------------------------------------------------

SECRET_KEY = env("SECRET_KEY", "dev-only-insecure-key-never-use-in-production")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")

INSTALLED_APPS = [
    # Our apps first so their templates override the packages'.
    "supervision",
    "notifications",
    "exports",
    "homework",
    "portfolios",
    "feedback",
    "courses",
    "worksheets",
    "questionnaires",
    "recordings",
    "reminders",
    "pathways",
    "privacy",
    "demo",
    # Wagtail
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "supervision.people_admin_app.PeopleUsersConfig",  # wagtail.users, people by display name
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    # Accounts and permissions
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "guardian",
    # Background work
    "django_tasks_db",
    # Django
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Wagtail's database search backend uses PostgreSQL's full-text search there (postgres.E005).
    "django.contrib.postgres",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Outermost of ours, so redirects and error pages of the middleware below get it too.
    "config.middleware.PrivateCacheControlMiddleware",
    # Before the session and the person are read: a page part depends on them too.
    "supervision.page_parts.PagePartsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "supervision.middleware.NormalisedInputMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "supervision.middleware.PersonTimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "config.middleware.AdminContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "config.middleware.SessionExpiryMiddleware",
    "config.middleware.SecondFactorRequiredMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "supervision.context_processors.roles",
                "courses.context_processors.courses",
                "notifications.context_processors.unread_notifications",
            ],
        },
    },
]

# --- Database ---------------------------------------------------------------------------

(BASE_DIR / "var").mkdir(exist_ok=True)


def database(url: str, **parse_options) -> dict:
    """One DATABASES entry from a URL (dj_database_url's keywords, e.g. ``conn_max_age``), with
    the options its engine needs here. Production builds its own entry with this too, so the
    options hold there as well: they were once set only here and production's entry lost them."""
    settings_dict = dj_database_url.parse(url, **parse_options)
    options = settings_dict.setdefault("OPTIONS", {})
    if settings_dict["ENGINE"] == "django.db.backends.sqlite3":
        # SQLite for a web server: readers never wait for a writer (WAL), a writer waits for
        # another (busy timeout, seconds) instead of failing with "database is locked", and
        # every transaction takes the write lock when it begins (IMMEDIATE), so two requests
        # never both read and then both try to upgrade to writing, which SQLite refuses at once.
        # Django documents these options.
        options.update(
            {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "timeout": 20,
                "transaction_mode": "IMMEDIATE",
            }
        )
    elif env_bool("DATABASE_PREPARED_STATEMENTS", True):
        # PostgreSQL: server-side binding, and a statement a connection runs for the fifth time
        # is prepared (psycopg's own threshold), so PostgreSQL parses it once per connection
        # and, once its plans prove alike, stops planning it. Django turns prepared statements
        # off by default for connection poolers in transaction mode; we keep persistent
        # connections instead (conn_max_age in production). Planning was most of the database's
        # time on the key pages: the dashboard's ten queries took 11 ms, 5 ms prepared (issue
        # 11). Behind a pooler that cannot keep prepared statements: DATABASE_PREPARED_STATEMENTS=0.
        options.update({"server_side_binding": True, "prepare_threshold": 5})
    return settings_dict


DATABASES = {
    "default": database(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}", conn_max_age=0
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Accounts ---------------------------------------------------------------------------

AUTH_USER_MODEL = "supervision.User"
AUTHENTICATION_BACKENDS = [
    # allauth's sign-in, reading the person of each request with a query written once.
    "supervision.backends.PersonBackend",
    # allauth's own, for sessions signed in before PersonBackend (a session names its backend).
    "allauth.account.auth_backends.AuthenticationBackend",
    "guardian.backends.ObjectPermissionBackend",
    "worksheets.backends.SupervisorAdminAccessBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "supervision:dashboard"
ACCOUNT_LOGOUT_REDIRECT_URL = "account_login"

# django-allauth: e-mail login, no open sign-up (people are invited or created by an administrator).
ACCOUNT_ADAPTER = "supervision.adapters.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_PASSWORD_RESET_BY_CODE_ENABLED = False
ACCOUNT_PREVENT_ENUMERATION = True
# allauth's defaults already limit failed sign-ins; we keep them explicit so a reader sees them.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
}

# Re-authentication (password or second factor) within the last REAUTHENTICATION_TIMEOUT seconds
# before sensitive changes: e-mail, second factor, ending a relationship or group, export, erasure
# (supervision.reauthentication). A fresh sign-in counts (supervision.adapters).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = int(env("REAUTHENTICATION_TIMEOUT", "300"))
SENSITIVE_ACTIONS_NEED_REAUTHENTICATION = True
# One address per person: a new one replaces the old once it is confirmed from its inbox.
ACCOUNT_CHANGE_EMAIL = True

# allauth's MFA: an authenticator app (TOTP) with recovery codes, and WebAuthn security keys and
# passkeys. Recovery codes are shown once, right after they are made, with a download.
MFA_ADAPTER = "supervision.adapters.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_RECOVERY_CODES_SHOW_ONCE = True
MFA_TOTP_ISSUER = "CBT Supervision"
# A code typed as it changes (or from a phone a few seconds off) still counts: one step either
# side, as RFC 6238 advises; each code is accepted once.
MFA_TOTP_TOLERANCE = 1
# Accounts are created by administrators and invitations, so addresses are never self-declared.
MFA_ALLOW_UNVERIFIED_EMAIL = True
# Administrators, course staff and supervisors must set up a second factor before they can use
# the product (config.middleware.SecondFactorRequiredMiddleware); everyone else is offered one.
SECOND_FACTOR_REQUIRED = env_bool("SECOND_FACTOR_REQUIRED", True)

# Seconds a page part (the rendered content of a key page, for one person) may be served from
# the cache while nothing it was read from changes (supervision.page_parts); 0: built every time.
PAGE_PARTS_SECONDS = int(env("PAGE_PARTS_SECONDS", "60"))

# Sessions end after SESSION_IDLE_TIMEOUT seconds without a request and SESSION_ABSOLUTE_LIFETIME
# seconds after sign-in, whichever comes first (config.middleware.SessionExpiryMiddleware).
SESSION_IDLE_TIMEOUT = int(env("SESSION_IDLE_TIMEOUT", str(30 * 60)))
SESSION_ABSOLUTE_LIFETIME = int(env("SESSION_ABSOLUTE_LIFETIME", str(12 * 60 * 60)))
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_LIFETIME

# django-guardian: no anonymous user; object permissions come from direct foreign-key models.
ANONYMOUS_USER_NAME = None
GUARDIAN_RAISE_403 = False

# --- Internationalisation ---------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# --- Static and media -------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT") or BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

# Recordings (recordings/README.md): the largest upload, how long they are kept by default and
# at most, and the web server's header for sending files itself (X-Accel-Redirect for nginx).
RECORDING_MAX_BYTES = int(env("RECORDING_MAX_MB", "2048")) * 1024 * 1024
RECORDING_DEFAULT_KEEP_DAYS = int(env("RECORDING_DEFAULT_KEEP_DAYS", "90"))
RECORDING_MAX_KEEP_DAYS = int(env("RECORDING_MAX_KEEP_DAYS", "365"))
RECORDING_SENDFILE_HEADER = env("RECORDING_SENDFILE_HEADER", "")
RECORDING_SENDFILE_PREFIX = env("RECORDING_SENDFILE_PREFIX", "/protected-recordings/")

# --- E-mail -----------------------------------------------------------------------------

# Django 6.1's MAILERS replace the EMAIL_* settings; SMTP is used when EMAIL_HOST is set.
if env("EMAIL_HOST"):
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": env("EMAIL_HOST"),
                "port": int(env("EMAIL_PORT", "587")),
                "username": env("EMAIL_HOST_USER", ""),
                "password": env("EMAIL_HOST_PASSWORD", ""),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                # A mail server that hangs must not hold a worker: the send fails and is retried.
                "timeout": int(env("EMAIL_TIMEOUT", "20")),
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "CBT Supervision <no-reply@example.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The address links in e-mails point to (e-mails are sent by the worker, outside any request).
SITE_URL = env("SITE_URL", "http://127.0.0.1:8000")

# --- Background tasks -------------------------------------------------------------------

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# --- Privacy (issue 13) ------------------------------------------------------------------

# Days each kind is kept (None: for ever); export files: hours a prepared export may be
# downloaded. Applied daily by privacy.tasks.retention_daily and `manage.py privacy_retention`.
PRIVACY_RETENTION = {
    "untouched_drafts_days": int(env("PRIVACY_UNTOUCHED_DRAFTS_DAYS", "730")),
    "read_records_days": int(env("PRIVACY_READ_RECORDS_DAYS", "730")),
    "export_files_hours": int(env("PRIVACY_EXPORT_FILES_HOURS", "72")),
}

# --- Wagtail ----------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "CBT Supervision"
# The admin signs people in through our sign-in, so nobody gets past the second factor there.
WAGTAILADMIN_LOGIN_URL = "account_login"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No third-party requests: avatars would tell gravatar.com who uses the admin.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Security shared by every environment ------------------------------------------------

X_FRAME_OPTIONS = "SAMEORIGIN"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
# Our pages run only our own scripts; each inline script carries the request's nonce.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-src": [CSP.SELF, "https://www.youtube-nocookie.com", "https://player.vimeo.com"],
    "frame-ancestors": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
}
# The Wagtail admin relies on inline styles and scripts of its own; it gets a looser policy.
ADMIN_CSP = {
    **SECURE_CSP,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE, CSP.UNSAFE_EVAL],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:", "https:"],
}
ADMIN_CSP_PATH_PREFIXES = ("/cms/", "/django-admin/")

# Logs carry ids, never names, e-mail addresses, titles, file names or search terms: every record
# goes through config.logging's filter, for Django's loggers and gunicorn's alike.
LOGGING = logging_config()
