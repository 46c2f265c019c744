"""Inviting a supervisee by e-mail: a one-time link lets them set a password, and the relationship starts.

The link and its token are made in ``supervision.invitation_tokens``.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from supervision.models import Invitation, Supervision, SupervisionGroup, User
from supervision.tasks import send_invitation

from .people import user_create
from .relationships import supervision_start


@transaction.atomic
def invitation_create(
    *,
    invited_by: User,
    supervisor: User,
    email: str,
    display_name: str = "",
    kind: str = Supervision.Kind.CLINICAL,
    group: SupervisionGroup | None = None,
    site_url: str,
) -> Invitation:
    email = (email or "").strip().lower()
    if not email:
        raise ValidationError({"email": "Enter the e-mail address of the person to invite."})
    if email == supervisor.email.lower():
        raise ValidationError({"email": "A person cannot supervise themselves."})
    if group is not None:
        if group.supervisor_id != supervisor.pk:
            raise ValidationError({"group": "Choose a group this supervisor leads."})
        if group.ended_on is not None:
            raise ValidationError({"group": "This group has ended."})
        kind = group.kind
    existing = Supervision.objects.current().filter(
        supervisor=supervisor, supervisee__email__iexact=email
    )
    existing = existing.filter(group=group) if group else existing.filter(group__isnull=True)
    if existing.exists():
        where = "in this group" if group else "in individual supervision with this supervisor"
        raise ValidationError({"email": f"This person is already {where}."})
    waiting = [
        invitation
        for invitation in Invitation.objects.filter(
            email__iexact=email, supervisor=supervisor, group=group
        )
        if invitation.is_waiting
    ]
    if waiting:
        raise ValidationError(
            {
                "email": f"An invitation to this address is already waiting (sent "
                f"{timezone.localtime(waiting[0].created_at):%d %b %Y}). Cancel it to send a new one."
            }
        )
    invitation = Invitation(
        email=email,
        display_name=(display_name or "").strip(),
        invited_by=invited_by,
        supervisor=supervisor,
        kind=kind,
        group=group,
    )
    invitation.full_clean()
    invitation.save()
    send_invitation.enqueue(invitation_id=invitation.pk, site_url=site_url)
    return invitation


@transaction.atomic
def invitation_cancel(*, invitation: Invitation) -> Invitation:
    """Cancel a waiting invitation, so its link stops working.

    Cancelling one already cancelled (the same click in a second tab) changes nothing and
    returns it. Raises ValidationError (code ``accepted`` or ``expired``) for one that can no
    longer be cancelled, with a message saying why.
    """
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status == "cancelled":
        return invitation
    if invitation.status == "accepted":
        raise ValidationError(
            f"The invitation to {invitation.email} has already been accepted, so it cannot be "
            "cancelled; the supervision it started can be ended instead.",
            code="accepted",
        )
    if invitation.status == "expired":
        raise ValidationError(
            f"The invitation to {invitation.email} has expired; its link no longer works.",
            code="expired",
        )
    invitation.cancelled_at = timezone.now()
    invitation.save(update_fields=["cancelled_at"])
    return invitation


@transaction.atomic
def invitation_accept(
    *,
    invitation: Invitation,
    user: User | None = None,
    password: str | None = None,
    display_name: str = "",
) -> Supervision:
    """Start the relationship; a person new here gets their account with the password they chose."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_waiting:
        raise ValidationError("This invitation has already been used or is no longer valid.")
    if user is None:
        if User.objects.filter(email__iexact=invitation.email).exists():
            raise ValidationError("An account with this address exists; sign in to accept.")
        user = user_create(
            email=invitation.email,
            password=password,
            display_name=(display_name or invitation.display_name).strip(),
        )
    elif user.email.lower() != invitation.email.lower():
        raise ValidationError("This invitation was sent to another e-mail address.")
    supervision = supervision_start(
        supervisor=invitation.supervisor,
        supervisee=user,
        kind=invitation.kind,
        group=invitation.group,
        started_on=timezone.localdate(),
        actor=user,
    )
    invitation.accepted_at = timezone.now()
    invitation.supervision = supervision
    invitation.save(update_fields=["accepted_at", "supervision"])
    return supervision
