"""Reactions to events of the floor below (supervision): the notices they call for.

Connected in ``NotificationsConfig.ready()`` (dispatch_uids listed in supervision/signals.py).
Receivers run inside the sender's transaction, so a notice exists only if the change it tells
of was saved; its e-mail is queued after the commit (``notification_send``).
"""

from django.urls import reverse

from notifications.models import Notification
from notifications.services import notification_send

Kind = Notification.Kind


def hours_signoff_changed(sender, signoff, event, actor=None, **kwargs):
    """Submitted: tell the supervisor. Signed or returned: tell the supervisee. Else nothing.

    One notice per event and person: the event key names the sign-off and its new state, and
    a sign-off reaches each of these states at most once (a resubmission is a new sign-off).
    The e-mail facts are the period's days and, on a return, whether a comment came with it,
    never its text (notifications.email).
    """
    supervision = signoff.supervision
    facts = {"starts_on": signoff.starts_on.isoformat(), "ends_on": signoff.ends_on.isoformat()}
    if event == "submitted":
        recipient, kind = supervision.supervisor, Kind.HOURS_SUBMITTED
        title = f"{supervision.supervisee.name} asked you to sign the hours of {signoff.label}"
    elif event == "signed":
        recipient, kind = supervision.supervisee, Kind.HOURS_SIGNED
        title = f"{supervision.supervisor.name} signed your hours of {signoff.label}"
    elif event == "returned":
        recipient, kind = supervision.supervisee, Kind.HOURS_RETURNED
        title = f"{supervision.supervisor.name} returned your hours of {signoff.label}"
        facts["has_comment"] = bool(signoff.return_comment)
    else:
        return
    notification_send(
        recipient=recipient,
        kind=kind,
        title=title,
        url=reverse("supervision:signoff_detail", args=[signoff.pk]),
        actor=actor,
        event_key=f"hours_signoff:{signoff.pk}:{event}",
        facts=facts,
    )
