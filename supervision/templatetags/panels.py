"""``{% render_panel panel %}``: a panel another app registered (supervision.panels), in this page."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    """Render the panel's template with the page's context and the panel's own on top."""
    # A list page renders the same panels once per row: each template is looked up once per
    # page render (the compiled template, as ``{% include %}`` keeps it, never its output).
    templates = context.render_context.dicts[0].setdefault(render_panel, {})
    compiled = templates.get(panel.template)
    if compiled is None:
        compiled = templates[panel.template] = context.template.engine.get_template(panel.template)
    with context.push(panel.context):
        return compiled.render(context)
