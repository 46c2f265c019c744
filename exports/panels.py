"""What exports add to supervision's pages (supervision.panels)."""

from exports.selectors import latest_export


def signoff_logbook(request, *, signoff) -> dict | None:
    """On a signed period's page: the button that makes its log book, and the last one made."""
    if not signoff.is_signed:
        return None
    return {
        "latest_export": latest_export(
            request.user, document="logbook", params={"signoff": signoff.pk}
        )
    }
