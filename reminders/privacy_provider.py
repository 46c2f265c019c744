"""What reminders hold about a person, for export and erasure (``supervision.privacy``)."""

from reminders.models import AssignmentMute
from supervision import privacy


def muted_homework(person) -> list[dict]:
    return list(AssignmentMute.objects.filter(person=person).values("assignment_id", "created_at"))


PROVIDER = privacy.Provider(
    app="reminders",
    holdings=(
        privacy.Holding(
            "reminders.AssignmentMute.person",
            privacy.DELETE,
            "Their choice to stop reminders for one homework.",
        ),
    ),
    exports=(privacy.Export("Homework with reminders turned off", muted_homework),),
)
