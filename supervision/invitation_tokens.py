"""The one-time link in an invitation e-mail: its token, and the URL arguments that carry it.

The token comes from Django's password-reset token machinery. It is bound to the invitation's
state and to the invited account's password, so it stops working as soon as the invitation is
accepted or cancelled, or a password is set.
"""

from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode

from supervision.models import Invitation, User
from supervision.models.invitations import INVITATION_VALID_DAYS


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    # The salt keeps the module the class was first written in, so links already sent stay valid.
    key_salt = "supervision.services.invitations.InvitationTokenGenerator"

    def _make_hash_value(self, invitation: Invitation, timestamp: int) -> str:
        account = User.objects.filter(email__iexact=invitation.email).first()
        account_state = "" if account is None else f"{account.pk}{account.password}"
        return (
            f"{invitation.pk}{invitation.email}{invitation.accepted_at}{invitation.cancelled_at}"
            f"{account_state}{timestamp}"
        )

    def check_token(self, invitation: Invitation, token: str) -> bool:
        # Django's check uses PASSWORD_RESET_TIMEOUT; invitations keep their own, longer limit.
        try:
            ts_b36, _ = token.split("-")
            timestamp = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(invitation, timestamp, s), token)
            for s in [self.secret, *self.secret_fallbacks]
        ):
            return False
        age = self._num_seconds(self._now()) - timestamp
        return 0 <= age <= INVITATION_VALID_DAYS * 24 * 3600


invitation_tokens = InvitationTokenGenerator()


def invitation_link_kwargs(invitation: Invitation) -> dict[str, str]:
    return {
        "uidb64": urlsafe_base64_encode(force_bytes(invitation.pk)),
        "token": invitation_tokens.make_token(invitation),
    }
