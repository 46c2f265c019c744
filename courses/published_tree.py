"""The live course tree between requests: cached until any page changes (issue 11).

Every lesson, module and course page shows the course outline, read from the live modules and
lessons below the course (two queries). The tree changes only when course staff publish,
unpublish, move, rename or delete a page, so the pages read it from the cache under a
*generation*: a token replaced on each of those events (Wagtail's signals and every page save
or delete, connected in ``CoursesConfig.ready()``). Entries of an old generation are never read
again and expire. The cache is the shared one in production (Redis), so every worker sees a
change at once; if the generation is evicted, a new one is drawn and the tree read afresh.
"""

import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache

GENERATION_KEY = "courses:published-tree:generation"
ENTRY_SECONDS = 24 * 60 * 60


def generation() -> str:
    """The current generation's token (a new one when none is cached)."""
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add, not set: two workers drawing at once agree on the first one stored.
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY, token)
    return token


def tree_changed(**_signal_arguments) -> None:
    """A page was published, unpublished, moved, saved or deleted: start a new generation."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def remembered(name: str, root_pk: int, compute: Callable[[], Any]) -> Any:
    """``compute()`` for this part of the tree below ``root_pk``, cached for the generation.

    ``compute`` must return something picklable that depends only on live pages.
    """
    key = f"courses:published-tree:{generation()}:{name}:{root_pk}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, ENTRY_SECONDS)
    return value
