"""Asking for the password or second factor again before a sensitive action (issue 13).

Ending a relationship or a group here; exporting one's data and erasing a person in ``privacy``;
allauth asks on its own before e-mail and second-factor changes (``ACCOUNT_REAUTHENTICATION_REQUIRED``,
allauth's MFA default). A password change asks for the current password, which is the same proof.

A person counts as re-authenticated for ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` seconds (five
minutes by default) after entering their password or a code, signing in included
(``supervision.sessions.session_begin``). Otherwise allauth's middleware keeps the request
(a POST with its data), sends them to confirm who they are, and then carries the request out,
so what they submitted is not lost.

Usage::

    @login_required
    @reauthentication_required
    def relationship_end(request, pk): ...

    class ExportView(ReauthenticationRequiredMixin, View): ...

GET requests pass by default (a form may be shown; submitting it asks), ``allow_get=False`` asks
before showing the page too. ``SENSITIVE_ACTIONS_NEED_REAUTHENTICATION`` turns the rule off (the
test settings do, except in the tests about it).
"""

from allauth.account.decorators import (
    reauthentication_required as allauth_reauthentication_required,
)
from django.conf import settings


def _enabled(request) -> bool:
    return settings.SENSITIVE_ACTIONS_NEED_REAUTHENTICATION


def reauthentication_required(view=None, *, allow_get: bool = True):
    """Decorate a view so that unsafe requests need a recent re-authentication.

    Raises allauth's ``ReauthenticationRequired`` (answered by ``AccountMiddleware`` with a
    redirect to the re-authentication page) when the person has not confirmed who they are in
    the last ``ACCOUNT_REAUTHENTICATION_TIMEOUT`` seconds. Put it below ``login_required``.
    """
    decorator = allauth_reauthentication_required(allow_get=allow_get, enabled=_enabled)
    if view is not None:
        return decorator(view)
    return decorator


class ReauthenticationRequiredMixin:
    """The same for a class-based view; ``reauthentication_allow_get`` as ``allow_get`` above."""

    reauthentication_allow_get = True

    @classmethod
    def as_view(cls, **initkwargs):
        view = super().as_view(**initkwargs)
        return reauthentication_required(view, allow_get=cls.reauthentication_allow_get)
