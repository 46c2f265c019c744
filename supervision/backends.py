"""How the person behind each signed-in request is read.

On every signed-in request Django asks the backend that signed the person in for them again
(``get_user``). ``PersonBackend`` is allauth's sign-in with that read written once per process
(``supervision.rows.Prepared``): building ``User.objects.get(pk=…)`` afresh was a tenth of a
small page's Python (issue 11).
"""

from allauth.account.auth_backends import AuthenticationBackend

from supervision.models import User
from supervision.rows import Prepared

_PERSON = Prepared(lambda pk: User._default_manager.filter(pk=pk))


class PersonBackend(AuthenticationBackend):
    """allauth's ``AuthenticationBackend`` (signing in by e-mail and password, rate limits and
    all), whose ``get_user`` answers as Django's ``ModelBackend`` does: the person with this key
    if they may still sign in (active), else None."""

    def get_user(self, user_id):
        try:
            pk = int(user_id)
        except (TypeError, ValueError):
            return None
        found = _PERSON.objects(pk)
        if not found or not self.user_can_authenticate(found[0]):
            return None
        return found[0]
