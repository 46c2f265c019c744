"""Local development: debug on, console e-mail, SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)

# The product's own 404 page in the demo too (config.middleware.OwnNotFoundPageMiddleware).
if not env_bool("DEBUG_TECHNICAL_404", False):
    MIDDLEWARE = [*MIDDLEWARE, "config.middleware.OwnNotFoundPageMiddleware"]  # noqa: F405
