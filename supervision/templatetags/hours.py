"""``{% hours_rows rows %}``: the rows of an hours table (``supervision/includes/_hours_table.html``)."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def hours_rows(rows):
    """One ``<tr>`` per ``supervision.presenters.HoursTableRow``: the label (a link to the case or
    relationship when it has one), then the counts and hours.

    Built here rather than by a template loop: eight variables per row, in three tables, were
    most of the hours log's rendering. The label and link are escaped as the template escaped
    them (Django's ``escape`` is ``html.escape``); the rest are digits.
    """
    html = []
    for row in rows:
        label = escape(row.label)
        if row.url:
            label = f'<a href="{escape(row.url)}">{label}</a>'
        html.append(
            f'<tr><th scope="row">{label}</th><td>{row.meetings}</td>'
            f"<td>{row.individual_hours}</td><td>{row.group_attended_hours}</td>"
            f"<td>{row.group_credited_hours}</td><td>{row.credited_hours}</td>"
            f"<td>{row.observed_meetings}</td></tr>"
        )
    return mark_safe("".join(html))  # noqa: S308 - the label and link are escaped, the rest are digits
