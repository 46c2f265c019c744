"""Template helpers for course pages."""

from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def module_progress(progress, module_id):
    """The progress within one module, from a CourseProgress (None when progress is not tracked)."""
    if progress is None:
        return None
    return progress.for_module(module_id)


@register.filter
def minutes(total):
    """Minutes as people say them: 45 minutes, 1 hour, 1 hour 20 minutes."""
    total = int(total or 0)
    hours, rest = divmod(total, 60)
    parts = []
    if hours:
        parts.append(f"{hours} hour" + ("s" if hours != 1 else ""))
    if rest or not hours:
        parts.append(f"{rest} minute" + ("s" if rest != 1 else ""))
    return " ".join(parts)


@register.simple_tag
def outline_items(outline, progress, current_id):
    """The outline's modules, each with its lessons, as the list items of ``_outline.html``.

    Built here rather than by a template loop: the outline lists every lesson of the course on
    every course page, and a template (or ``format_html``) spends ten times the work per lesson
    (issue 11). Titles and addresses are escaped as the template escaped them (Django's
    ``escape`` is ``html.escape``). The person's parts are ``progress`` (a CourseProgress, or
    None when it is not tracked) and ``current_id``, the page being read (aria-current).
    """
    progress = progress or None  # also when the page has no progress in its context at all
    completed = progress.completed_ids if progress is not None else frozenset()
    parts = []
    for module in outline.modules:
        current = _CURRENT if module.id == current_id else ""
        parts.append(
            f'<li class="course-outline__module"><a href="{escape(str(module.url))}"{current}>'
            f"{escape(str(module.title))}</a>"
        )
        if progress is not None:
            done = progress.for_module(module.id)
            parts.append(f'<span class="muted">({done.done} of {done.total} done)</span>')
        parts.append('<ol class="course-outline__lessons">')
        for lesson in module.lessons:
            current = _CURRENT if lesson.id == current_id else ""
            mark = _COMPLETED if lesson.id in completed else ""
            parts.append(
                f'<li><a href="{escape(str(lesson.url))}"{current}>{escape(str(lesson.title))}</a>{mark}</li>'
            )
        parts.append("</ol></li>")
    return mark_safe("".join(parts))  # noqa: S308 - every value in it is escaped above


_CURRENT = ' aria-current="page"'
_COMPLETED = '<span class="status status--done">Completed</span>'
