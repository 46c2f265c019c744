"""allauth's account and two-step sign-in pages, for every kind of person, with GET and POST.

These views are allauth's, not ours, so ``tests/test_authorization.py`` does not ask for them;
this module covers every one of them through the same harness (``tests/authorization.py``), and
fails when allauth adds a URL that has no expectation here. Someone else's security key is 404.
"""

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import get_resolver

from tests.authorization import GET_ONLY, Matrix, Url, _patterns, module_world, url_test
from tests.factories import UserFactory

KINDS = ("anonymous", "newcomer", "protected", "key_holder")
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def add_key(user, name: str) -> Authenticator:
    # A stored key as allauth keeps it; only its name and passkey flag are read by these pages.
    credential = {"clientExtensionResults": {"credProps": {"rk": True}}}
    return Authenticator.objects.create(
        user=user, type=Authenticator.Type.WEBAUTHN, data={"name": name, "credential": credential}
    )


def build_world() -> dict:
    users = {
        "newcomer": UserFactory(display_name="Nina Newcomer"),
        "protected": UserFactory(display_name="Pavel Protected"),
        "key_holder": UserFactory(display_name="Kim Keyholder"),
    }
    TOTP.activate(users["protected"], SECRET)
    RecoveryCodes.activate(users["protected"])
    key = add_key(users["key_holder"], "Kim's key")
    RecoveryCodes.activate(users["key_holder"])
    return {"users": users, "objects": {"key": key}}


def snapshot() -> tuple:
    # When recovery codes were first seen is noted on any request for them; that is no change.
    return tuple(
        (pk, type_, {key: value for key, value in data.items() if key != "viewed_at"})
        for pk, type_, data in Authenticator.objects.order_by("pk").values_list(
            "pk", "type", "data"
        )
    )


def key_holder_without_key(world, kind):
    # These pages read the stored keys' public data, which a made-up key does not have; here
    # the key holder is one more person without a key.
    Authenticator.objects.filter(type=Authenticator.Type.WEBAUTHN).delete()


EVERYONE = {"*": 200}
OPEN = {"*": 200, "anonymous": 200}
NOT_POST = {"*": 405, "anonymous": 405}


@pytest.fixture(autouse=True)
def _no_reauthentication(settings):
    # Who may use each page, not when they must confirm who they are: that is tested with the
    # flows (tests/supervision/test_adapters.py, test_reauthentication.py).
    settings.MFA_REAUTHENTICATION_REQUIRED = False


URLS = [
    # Signing in and out, and pages about the account's state
    Url("account_login", get={"*": 302, "anonymous": 200}, post={"*": 302, "anonymous": 200}),
    Url("account_logout", get={"*": 200, "anonymous": 302}, post={"*": 302, "anonymous": 302}),
    Url("account_inactive", get=OPEN, post=NOT_POST),
    Url("account_signup", get={"*": 302, "anonymous": 200}, post={"*": 302, "anonymous": 200}),
    Url("account_email_verification_sent", get=OPEN, post=NOT_POST),
    Url(
        "account_confirm_login_code",
        get={"*": 302, "anonymous": 302},
        post={"*": 302, "anonymous": 302},
    ),
    Url(
        "account_confirm_email",
        kwargs=lambda world, target: {"key": "no-such-key"},
        get=OPEN,
        post={"*": 404, "anonymous": 404},
    ),
    # Password
    Url("account_change_password", get=EVERYONE, post=EVERYONE),
    Url("account_set_password", get={"*": 302}, post={"*": 302}),
    # Someone signed in may still ask for a reset link (for their own address or another).
    Url("account_reset_password", get=OPEN, post=OPEN),
    Url("account_reset_password_done", get=OPEN, post=NOT_POST),
    Url(
        "account_reset_password_from_key",
        kwargs=lambda world, target: {"uidb36": "zz", "key": "no-such-key"},
        get={"*": 200, "anonymous": 200},
        post={"*": 200, "anonymous": 200},
    ),
    Url("account_reset_password_from_key_done", get=OPEN, post=NOT_POST),
    # Confirming who one is, and the e-mail address
    Url("account_reauthenticate", get=EVERYONE, post=EVERYONE),
    Url("account_email", get=EVERYONE, post={"*": 302}),
    # Two-step sign-in
    Url("mfa_index", get=EVERYONE, post=GET_ONLY),
    Url("mfa_authenticate", get={"*": 302}, post={"*": 302}),
    Url("mfa_reauthenticate", get={"*": 200, "newcomer": 302}, post={"*": 200, "newcomer": 302}),
    Url(
        "mfa_activate_totp",
        get={"*": 200, "protected": 302},
        post={"*": 200, "protected": 302},
    ),
    Url(
        "mfa_deactivate_totp",
        get={"*": 404, "protected": 200},
        post={"*": 404, "protected": 302},
    ),
    Url("mfa_view_recovery_codes", get={"*": 200, "newcomer": 404}, post=GET_ONLY),
    Url("mfa_generate_recovery_codes", get=EVERYONE, post={"*": 302, "newcomer": 200}),
    Url(
        "mfa_download_recovery_codes",
        get={"*": 200, "newcomer": 404},
        post={"*": 405, "newcomer": 404},
    ),
    Url("mfa_list_webauthn", get=EVERYONE, post=GET_ONLY),
    Url("mfa_add_webauthn", get=EVERYONE, post=EVERYONE, prepare=key_holder_without_key),
    Url(
        "mfa_reauthenticate_webauthn",
        get={"*": 302},
        post={"*": 302},
        prepare=key_holder_without_key,
    ),
    Url(
        "mfa_edit_webauthn",
        target="key",
        get={"*": 404, "key_holder": 200},
        post={"*": 404, "key_holder": 200},
    ),
    Url(
        "mfa_remove_webauthn",
        target="key",
        get={"*": 404, "key_holder": 200},
        post={"*": 404, "key_holder": 302},
    ),
    Url("mfa_login_webauthn", get={"*": 302, "anonymous": 302}, post={"*": 302, "anonymous": 302}),
]

MATRIX = Matrix(urls=URLS, kinds=KINDS, snapshot=snapshot)
world = module_world(build_world)
test_url = url_test(MATRIX)


def test_every_allauth_url_has_an_expectation():
    allauth_names = set()
    for pattern, _namespace in _patterns(get_resolver().url_patterns):
        view = getattr(pattern.callback, "view_class", pattern.callback)
        if view.__module__.startswith("allauth.") and pattern.name:
            allauth_names.add(pattern.name)
    assert allauth_names == MATRIX.names()
