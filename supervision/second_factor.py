"""Who must have a second factor (issue 13): administrators, course staff and supervisors.

Everyone else is offered one on their account page. ``config.middleware.SecondFactorRequiredMiddleware``
sends those who must have one and have none to set it up; the MFA adapter
(``supervision.adapters.MFAAdapter``) keeps them from removing their last one.
"""

from allauth.mfa.models import Authenticator
from django.conf import settings

from supervision.viewer import viewer_for

# Recovery codes alone are no second factor: they only stand in for a lost app or key.
PRIMARY_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)
SET_UP_KEY = "second_factor_set_up_for"


def second_factor_required_for(user) -> bool:
    """Whether ``user`` must sign in with a second factor (while ``SECOND_FACTOR_REQUIRED`` is on).

    Staff (Django's ``is_staff``), programme administrators, course staff, and anyone supervising
    someone now. One query for the roles, shared with the rest of the request.
    """
    if not settings.SECOND_FACTOR_REQUIRED or not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    roles = viewer_for(user).roles
    return roles.supervisor or roles.course_staff or roles.administrator


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type__in=PRIMARY_TYPES).exists()


def second_factor_missing(request) -> bool:
    """Whether the person behind ``request`` must set up a second factor before going on.

    Once they have one, the session remembers it, so later requests ask nothing: the adapter
    does not let them remove their last one.
    """
    user = request.user
    if request.session.get(SET_UP_KEY) == user.pk:
        return False
    if not second_factor_required_for(user):
        return False
    if has_second_factor(user):
        request.session[SET_UP_KEY] = user.pk
        return False
    return True


def forget_second_factor(sender, request, **kwargs) -> None:
    """Receiver of allauth's ``authenticator_removed``: check again on the next request."""
    request.session.pop(SET_UP_KEY, None)
