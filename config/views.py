"""Views of the deployment itself, not of any feature: the health check for load balancers."""

import logging
import uuid

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)


def _database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except Exception:
        logger.exception("Health check: the database is not reachable")
        return False


def _cache_reachable() -> bool:
    # A key of its own per request, so two checks at once never read each other's value.
    key, value = f"health:{uuid.uuid4().hex}", "ok"
    try:
        cache.set(key, value, timeout=10)
        reachable = cache.get(key) == value
        cache.delete(key)
        return reachable
    except Exception:
        logger.exception("Health check: the cache is not reachable")
        return False


@never_cache
@require_GET
def health(request):
    """``GET /health/``: 200 when the database and the cache answer, else 503.

    Body: ``{"database": "ok"|"unreachable", "cache": "ok"|"unreachable"}``; no versions,
    hosts or errors (those go to the log), so it is safe to leave open to anyone.
    """
    checks = {"database": _database_reachable(), "cache": _cache_reachable()}
    body = {name: "ok" if reachable else "unreachable" for name, reachable in checks.items()}
    return JsonResponse(body, status=200 if all(checks.values()) else 503)
