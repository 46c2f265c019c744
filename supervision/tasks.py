"""Background work (django.tasks): e-mails that must not hold up a request."""

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse

from supervision.invitation_tokens import invitation_link_kwargs
from supervision.models import Invitation


@task
def send_invitation(*, invitation_id: int, site_url: str) -> None:
    invitation = (
        Invitation.objects.select_related("supervisor", "invited_by", "group")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not invitation.is_waiting:
        return
    path = reverse("supervision:invitation_accept", kwargs=invitation_link_kwargs(invitation))
    context = {
        "invitation": invitation,
        "accept_url": site_url.rstrip("/") + path,
        "valid_days": invitation.expires_at - invitation.created_at,
    }
    send_mail(
        subject=render_to_string("supervision/email/invitation_subject.txt", context).strip(),
        message=render_to_string("supervision/email/invitation_body.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[invitation.email],
    )
