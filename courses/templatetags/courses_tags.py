"""Template helpers for course pages."""

from django import template

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
