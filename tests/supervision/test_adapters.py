"""Signing in with a second step (allauth's MFA through our adapters): codes, recovery codes, replays."""

import time

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.urls import reverse

from supervision.sessions import SIGNED_IN_AT_KEY
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def code_now(secret: str = SECRET) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def person_with_totp():
    user = UserFactory(email="two.step@example.org")
    TOTP.activate(user, SECRET)
    codes = RecoveryCodes.activate(user)
    return user, codes.generate_codes()


def sign_in_with_password(client, user):
    response = client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session  # not signed in before the second step
    return response


def test_sign_in_with_a_code_from_the_authenticator_app(client, person_with_totp):
    user, _ = person_with_totp
    sign_in_with_password(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": code_now()})
    assert response.status_code == 302
    assert response.url == reverse("supervision:dashboard")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert client.session[SIGNED_IN_AT_KEY] == pytest.approx(time.time(), abs=5)


def test_a_wrong_code_is_refused_with_a_message_beside_the_field(client, person_with_totp):
    user, _ = person_with_totp
    sign_in_with_password(client, user)
    wrong = "000000" if code_now() != "000000" else "111111"
    response = client.post(reverse("mfa_authenticate"), {"code": wrong})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert f'value="{wrong}"' in response.content.decode()  # what was typed is kept
    assert "_auth_user_id" not in client.session


def test_a_code_cannot_be_replayed(client, person_with_totp):
    user, _ = person_with_totp
    code = code_now()
    sign_in_with_password(client, user)
    assert client.post(reverse("mfa_authenticate"), {"code": code}).status_code == 302
    client.post(reverse("account_logout"))
    sign_in_with_password(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": code})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_sign_in_with_a_recovery_code_and_the_same_code_twice_is_refused(client, person_with_totp):
    user, codes = person_with_totp
    sign_in_with_password(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(user.pk)

    client.post(reverse("account_logout"))
    sign_in_with_password(client, user)
    response = client.post(reverse("mfa_authenticate"), {"code": codes[0]})
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # Another, unused code still works.
    assert client.post(reverse("mfa_authenticate"), {"code": codes[1]}).status_code == 302


def test_people_who_must_have_a_second_factor_cannot_remove_their_last(
    client, settings, person_with_totp
):
    settings.SECOND_FACTOR_REQUIRED = True
    user, _ = person_with_totp
    user.is_staff = True
    user.save()
    sign_in_with_password(client, user)
    client.post(reverse("mfa_authenticate"), {"code": code_now()})
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 200
    assert "must keep a second factor" in response.content.decode()
    assert Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_everyone_else_may_turn_the_app_off(client, person_with_totp):
    user, _ = person_with_totp
    sign_in_with_password(client, user)
    client.post(reverse("mfa_authenticate"), {"code": code_now()})
    # The sign-in a moment ago counts as re-authentication: no second password prompt.
    response = client.post(reverse("mfa_deactivate_totp"))
    assert response.status_code == 302
    assert not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def test_recovery_codes_are_shown_once_with_a_download(client, settings):
    user = UserFactory()
    client.post(reverse("account_login"), {"login": user.email, "password": PASSWORD})
    activate = reverse("mfa_activate_totp")
    client.get(activate)
    secret = client.session["mfa.totp.secret"]
    response = client.post(activate, {"code": code_now(secret)})
    assert response.url == reverse("mfa_view_recovery_codes")

    first = client.get(response.url).content.decode()
    codes = RecoveryCodes(Authenticator.objects.get(user=user, type="recovery_codes"))
    unused = codes.get_unused_codes()
    assert len(unused) == 10 and all(code in first for code in unused)
    assert 'download="cbt-supervision-recovery-codes.txt"' in first
    assert "%0A".join(unused) in first

    again = client.get(response.url).content.decode()
    assert not any(code in again for code in unused)
    assert "They were shown once" in again
    # allauth's own download is refused once they have been seen.
    assert client.get(reverse("mfa_download_recovery_codes")).status_code == 403
