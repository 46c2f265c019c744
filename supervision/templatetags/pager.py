"""``{% pager page "label" %}``: the previous/next links under every paginated list, written once.

Each list used to write its own copy of these links, and the copies drifted (one kept the
filters, one lost its class). The links stay relative (``?…page=N``) so a list keeps its path.
"""

from django import template
from django.core.paginator import Page

register = template.Library()


@register.inclusion_tag("includes/_pager.html")
def pager(
    page: Page,
    label: str,
    *,
    query: str = "",
    previous_text: str = "Previous page",
    next_text: str = "Next page",
) -> dict:
    """The context of ``includes/_pager.html``: a ``<nav>`` named ``label`` around the links.

    ``page`` is a Django ``Page``; nothing is rendered when it is the only one. ``query`` is the
    list's query string without its ``page`` parameter, already encoded (``QueryDict.urlencode()``
    or the ``urlencode`` filter), kept in front of ``page=N`` so the filters survive paging.
    ``previous_text`` and ``next_text`` say where the links lead in the list's own words
    ("Newer", "Older"). Returns ``{"page", "label", "prefix", "previous_text", "next_text"}``.
    """
    return {
        "page": page,
        "label": label,
        "prefix": f"?{query}&" if query else "?",
        "previous_text": previous_text,
        "next_text": next_text,
    }
