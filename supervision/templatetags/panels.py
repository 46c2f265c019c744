"""``{% render_panel panel %}``: a panel another app registered (supervision.panels), in this page."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    """Render the panel's template with the page's context and the panel's own on top."""
    with context.push(panel.context):
        return context.template.engine.get_template(panel.template).render(context)
