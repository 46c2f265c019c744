"""What notifications hold about a person, for export and erasure (``supervision.privacy``)."""

from notifications.models import Notification
from supervision import privacy


def notices(person) -> list[dict]:
    return list(
        Notification.objects.filter(recipient=person).values(
            "kind", "summary", "url", "created_at", "read_at"
        )
    )


PROVIDER = privacy.Provider(
    app="notifications",
    holdings=(
        privacy.Holding("notifications.Notification.recipient", privacy.DELETE, "Notices to them."),
        privacy.Holding(
            "notifications.Notification.actor",
            privacy.KEEP,
            "A notice to someone else keeps who caused it; it names the tombstone.",
        ),
    ),
    exports=(privacy.Export("Notifications", notices),),
)
