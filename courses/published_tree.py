"""The live course tree between requests: cached until any page changes (issue 11).

Every lesson, module and course page shows the course outline, read from the live modules and
lessons below the course (two queries). The tree changes only when course staff publish,
unpublish, move, rename or delete a page, so the pages read it from the cache under a
*generation*: a token replaced on each of those events (Wagtail's signals and every page save
or delete, connected in ``CoursesConfig.ready()``). The same generation keeps what else a
course page needs of the tree: the route to the page with whether a view restriction applies
(``CourseIndexPage.route``), the outline's titles and addresses per site
(``courses.presenters.course_outline``) and the request's site (``courses.views.pages``), so
a view restriction or a site saved or deleted starts a new generation too. Entries of an old generation are never read
again and expire. The cache is the shared one in production (Redis), so every worker sees a
change at once; if the generation is evicted, a new one is drawn and the tree read afresh.
"""

import uuid
from collections.abc import Callable
from typing import Any

from django.core.cache import cache
from wagtail.models import Page, PageViewRestriction, Site

from supervision.page_parts import tables_read_add

GENERATION_KEY = "courses:published-tree:generation"
ENTRY_SECONDS = 24 * 60 * 60


def generation(request=None) -> str:
    """The current generation's token (a new one when none is cached).

    Given the ``request``, read once for it: its page, route, site and outline then come from
    one generation, and the cache is asked once rather than for each of them.
    """
    # What the generation stands for, to a page part built from the tree (supervision.page_parts).
    tables_read_add(*(model._meta.db_table for model in (Page, PageViewRestriction, Site)))
    token = getattr(request, "_published_tree_generation", None)
    if token is not None:
        return token
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        # add, not set: two workers drawing at once agree on the first one stored.
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY, token)
    if request is not None:
        request._published_tree_generation = token
    return token


def tree_changed(**_signal_arguments) -> None:
    """A page was published, unpublished, moved, saved or deleted: start a new generation."""
    cache.set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def remembered(name: str, root_pk: int, compute: Callable[[], Any], *, request=None) -> Any:
    """``compute()`` for this part of the tree below ``root_pk``, cached for the generation.

    ``compute`` must return something picklable and not None that depends only on what a new
    generation is started for: pages, view restrictions and sites, never the person.
    """
    key = f"courses:published-tree:{generation(request)}:{name}:{root_pk}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, ENTRY_SECONDS)
    return value
