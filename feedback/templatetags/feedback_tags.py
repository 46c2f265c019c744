"""The link from an entry's read page to its feedback, shown to people who can see or give it."""

from django import template

from feedback.models import Feedback
from feedback.permissions import may_give_feedback
from supervision.permissions import objects_for_user
from supervision.viewer import viewer_for

register = template.Library()


@register.inclusion_tag("feedback/includes/_entry_link.html", takes_context=True)
def feedback_link(context, entry):
    request = context["request"]
    visible = objects_for_user(request.user, "view_feedback", Feedback.objects.filter(entry=entry))
    return {
        "entry": entry,
        "is_author": entry.author_id == request.user.pk,
        "count": visible.count(),
        "may_comment": may_give_feedback(viewer_for(request), entry),
    }
