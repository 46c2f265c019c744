"""django-allauth adapters: accounts are created by administrators or invitations, never by sign-up;
those who must have a second factor keep their last one."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator

from supervision.second_factor import PRIMARY_TYPES, second_factor_required_for


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request) -> bool:
        return False


class MFAAdapter(DefaultMFAAdapter):
    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": (
            "Administrators, course staff and supervisors must keep a second factor. Add another "
            "authenticator app or security key first, then remove this one."
        ),
        "incorrect_code": "That code is not right. Enter the 6-digit code your app shows now, or "
        "one of your recovery codes.",
    }

    def get_totp_label(self, user) -> str:
        # The authenticator app shows this beside the code; the e-mail tells accounts apart.
        return user.email

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        """Refuse to remove the last authenticator app or key of someone who must have one."""
        if authenticator.type not in PRIMARY_TYPES:
            return True
        user = authenticator.user
        if not second_factor_required_for(user):
            return True
        others = Authenticator.objects.filter(user_id=user.pk, type__in=PRIMARY_TYPES).exclude(
            pk=authenticator.pk
        )
        return others.exists()
