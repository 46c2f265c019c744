"""Local development: debug on, console e-mail, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# WebAuthn insists on HTTPS except where this allows http://127.0.0.1 for development.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = True

# The product's own 404 page in the demo too (config.middleware.OwnNotFoundPageMiddleware).
if not env_bool("DEBUG_TECHNICAL_404", False):
    MIDDLEWARE = [*MIDDLEWARE, "config.middleware.OwnNotFoundPageMiddleware"]  # noqa: F405
