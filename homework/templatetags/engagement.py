"""``{% engagement_rows engagement %}``: the weeks of the engagement table (``_dashboard_engagement.html``)."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.simple_tag
def engagement_rows(engagement):
    """One ``<tr>`` per week of a ``homework.selectors.Engagement``: label, done, partly, not.

    Built here rather than by a template loop: the dashboard shows the table for every
    supervisee, eight weeks each, and the loop cost a sixth of the page (issue 11). The label is
    escaped as the template escaped it (Django's ``escape`` is ``html.escape``); the rest are
    counts.
    """
    return mark_safe(  # noqa: S308 - the one text in it is escaped
        "".join(
            f'<tr><th scope="row">{escape(week.label)}</th><td>{week.done:d}</td>'
            f"<td>{week.partly:d}</td><td>{week.not_attempted:d}</td></tr>"
            for week in engagement.weeks
        )
    )
