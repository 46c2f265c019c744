"""What notifications hold about a person, for export and erasure (``supervision.privacy``)."""

from notifications.models import Notification, NotificationPreference
from supervision import privacy


def notices(person) -> list[dict]:
    return list(
        Notification.objects.filter(recipient=person).values(
            "kind", "title", "url", "created_at", "read_at", "email_status", "email_sent_at"
        )
    )


def preferences(person) -> list[dict]:
    return list(
        NotificationPreference.objects.filter(person=person).values(
            "email_kinds", "quiet_from", "quiet_until", "weekly_digest", "updated_at"
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
        privacy.Holding(
            "notifications.NotificationPreference.person",
            privacy.DELETE,
            "Their choices of e-mail, quiet hours and summary.",
        ),
    ),
    exports=(
        privacy.Export("Notifications", notices),
        privacy.Export("Notification preferences", preferences),
    ),
)
