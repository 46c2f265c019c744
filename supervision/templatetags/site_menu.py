"""``{% site_menu %}``: the site's menu and navigation, rendered once per person, page and roles.

Everything the menu shows comes from the person (their e-mail address on "Sign out"), the page
(which link is current), their roles with the person facts read with them (the links shown, the
unread count, the course link) and the CSRF secret behind the sign-out form's token. Those are
its key in the cache, so a change to any of them is a new key and nothing is ever invalidated;
the roles are read on every request anyway (one query). Rendering the menu was about half of
what every signed-in page cost before its own content (issue 11).
"""

import hashlib

from django import template
from django.core.cache import cache
from django.utils.safestring import mark_safe

from supervision.page_parts import csrf_secret
from supervision.viewer import viewer_for

register = template.Library()

TEMPLATE = "includes/_site_menu.html"
SECONDS = 10 * 60


def _key(request) -> str:
    user = request.user
    roles = viewer_for(request).roles
    match = request.resolver_match
    facts = (
        user.pk,
        user.email,
        request.path,
        match.view_name if match else None,
        match.app_name if match else None,
        roles,
        sorted(roles.facts.items()),
        csrf_secret(request),
    )
    return "site-menu:v1:" + hashlib.sha256(repr(facts).encode()).hexdigest()


@register.simple_tag(takes_context=True)
def site_menu(context) -> str:
    """The menu's HTML for the signed-in person of ``context.request``."""
    request = getattr(context, "request", None)
    menu = context.template.engine.get_template(TEMPLATE)
    if request is None or not request.user.is_authenticated:
        return menu.render(context)
    key = _key(request)
    html = cache.get(key)
    if html is None:
        html = menu.render(context)
        cache.set(key, html, timeout=SECONDS)
    return mark_safe(html)
