"""What feedback shows on supervision's pages; registered in ``FeedbackConfig.ready()``."""

from feedback.presenters import awaiting_rows
from feedback.selectors import awaiting_listed, entries_awaiting_feedback

AWAITING_SHOWN = 8


def dashboard_awaiting(request) -> dict:
    """The supervisor's oldest entries still waiting for feedback, and whether there are more."""
    # One row more than shown says whether there are more, without a COUNT query (issue 11).
    pks = list(
        entries_awaiting_feedback(request.user).values_list("pk", flat=True)[: AWAITING_SHOWN + 1]
    )
    return {
        "awaiting_feedback": awaiting_rows(awaiting_listed(request.user, pks[:AWAITING_SHOWN])),
        "awaiting_more": len(pks) > AWAITING_SHOWN,
    }
