"""``{% render_panel panel %}``: a panel another app registered (supervision.panels), in this page;
``{% render_panels panels %}``: a list of them, one after the other (a row's panels on a list page).
"""

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


def _render(context, panel) -> str:
    # A list page renders the same panels once per row: each template is looked up once per
    # page render (the compiled template, as ``{% include %}`` keeps it, never its output).
    templates = context.render_context.dicts[0].setdefault(_render, {})
    compiled = templates.get(panel.template)
    if compiled is None:
        compiled = templates[panel.template] = context.template.engine.get_template(panel.template)
    with context.push(panel.context):
        return compiled.render(context)


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    """Render the panel's template with the page's context and the panel's own on top."""
    return _render(context, panel)


@register.simple_tag(takes_context=True)
def render_panels(context, panels):
    """Each panel as ``render_panel`` renders it, in order, separated by a newline.

    One tag for a row's panels instead of a ``{% for %}`` loop of ``render_panel``: a list page
    renders it for every row (issue 11).
    """
    # Each part is a rendered template (autoescaped) and so already safe.
    return mark_safe("\n".join(_render(context, panel) for panel in panels))  # noqa: S308
