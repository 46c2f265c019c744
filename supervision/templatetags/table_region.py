"""``{% table_region "name" %}<table>…</table>{% endtable_region %}``: a table that scrolls sideways.

A table wider than a phone scrolls inside its own box rather than pushing the page sideways
(site.css, ``.table-scroll``). A box that scrolls must be reachable by keyboard and named for a
screen reader (axe's rule scrollable-region-focusable), so every one is written here, once: in
the tab order (``tabindex="0"``, arrow keys then scroll it), a ``region`` landmark named by the
label given. Every table of ours sits in one (tests/test_templates_and_static.py checks).
"""

from django import template
from django.utils.html import format_html

register = template.Library()


@register.simple_block_tag
def table_region(content: str, *label: object) -> str:
    """``content`` (the rendered table) in a focusable, named ``div.table-scroll``.

    ``label`` names the region, usually as the table's caption does; its parts are joined by
    spaces, so a name can take values (``{% table_region "Members of" group.name %}``), and
    escaped. Raises ValueError when it is empty, since an unnamed region is the fault this fixes.
    """
    label = " ".join(str(part).strip() for part in label if str(part).strip())
    if not label:
        raise ValueError("{% table_region %} needs a name for its table, e.g. its caption")
    return format_html(
        '<div class="table-scroll" tabindex="0" role="region" aria-label="{}">{}</div>',
        label,
        content,
    )
