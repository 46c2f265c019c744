"""Invitations waiting for an answer, and the invitation behind a one-time link."""

import datetime

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from supervision.invitation_tokens import invitation_tokens
from supervision.models import Invitation, Supervision, User
from supervision.models.invitations import INVITATION_VALID_DAYS


def invitations_of(user: User | None = None) -> QuerySet[Invitation]:
    """Invitations in any state (waiting, accepted, cancelled, expired): those the person sent or
    that name them as supervisor, or every one for ``None`` (an administrator).

    For an action that finds the invitation already answered (cancelled in another tab) and says
    so, where ``invitations_waiting`` would make it look missing.
    """
    invitations = Invitation.objects.select_related("supervisor", "group", "invited_by")
    if user is not None:
        invitations = invitations.filter(Q(invited_by=user) | Q(supervisor=user))
    return invitations.order_by("-created_at", "-pk")


def invitations_waiting(user: User | None = None) -> QuerySet[Invitation]:
    """Invitations not yet answered; those the person sent or that name them as supervisor."""
    cutoff = timezone.now() - datetime.timedelta(days=INVITATION_VALID_DAYS)
    return invitations_of(user).filter(
        accepted_at__isnull=True, cancelled_at__isnull=True, created_at__gt=cutoff
    )


def invitations_waiting_listed(user: User) -> QuerySet[Invitation]:
    """``invitations_waiting(user)`` as the dashboard lists them: address, kind, group, date."""
    return (
        invitations_waiting(user)
        .select_related(None)
        .select_related("group")
        .only("email", "kind", "group__name", "created_at")
    )


def _pk_from(uidb64: str) -> int | None:
    try:
        return int(force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError):
        return None


def invitation_from_link(uidb64: str, token: str) -> Invitation | None:
    pk = _pk_from(uidb64)
    if pk is None:
        return None
    invitation = Invitation.objects.select_related("supervisor", "group").filter(pk=pk).first()
    if invitation is None or not invitation.is_waiting:
        return None
    if not invitation_tokens.check_token(invitation, token):
        return None
    return invitation


def supervision_accepted_through(uidb64: str, user: User) -> Supervision | None:
    """The relationship a used link started, if the person signed in is the one who accepted it."""
    pk = _pk_from(uidb64)
    if pk is None or not user.is_authenticated:
        return None
    invitation = (
        Invitation.objects.select_related("supervision")
        .filter(pk=pk, accepted_at__isnull=False, supervision__supervisee=user)
        .first()
    )
    return invitation.supervision if invitation else None
