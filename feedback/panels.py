"""What feedback shows on supervision's pages; registered in ``FeedbackConfig.ready()``."""

from feedback.selectors import entries_awaiting_feedback

AWAITING_SHOWN = 8


def dashboard_awaiting(request) -> dict:
    """The supervisor's oldest entries still waiting for feedback, and whether there are more."""
    awaiting = entries_awaiting_feedback(request.user)
    shown = list(awaiting[:AWAITING_SHOWN])
    return {
        "awaiting_feedback": shown,
        "awaiting_more": awaiting.count() > AWAITING_SHOWN if shown else False,
    }
