"""Who holds which permission on a recording; the grants themselves happen in ``services``.

| who | before hand-in | after hand-in |
|---|---|---|
| owner (supervisee) | view, change, delete | view, change, delete |
| the supervision's supervisor | none | view, review (comment), rate |
| group peers, closed or open review | none | view, review |
| anyone else, administrators included | none | none |

When the supervision ends the supervisor keeps reading but no longer comments or rates.
"""

from django.db.models import QuerySet

from supervision.models import Supervision, User

OWNER_PERMS = ("view_recording", "change_recording", "delete_recording")
SUPERVISOR_PERMS = ("view_recording", "review_recording", "rate_recording")
SUPERVISOR_WHILE_ACTIVE_PERMS = ("review_recording", "rate_recording")
PEER_PERMS = ("view_recording", "review_recording")


def peers_of(supervision: Supervision) -> QuerySet[User]:
    """The other current members of the supervision's group (none for individual supervision)."""
    if supervision.group_id is None:
        return User.objects.none()
    members = (
        Supervision.objects.active()
        .filter(group_id=supervision.group_id)
        .exclude(supervisee_id=supervision.supervisee_id)
        .values("supervisee_id")
    )
    return User.objects.filter(pk__in=members)
