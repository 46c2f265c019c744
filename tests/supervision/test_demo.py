"""The demo people: every account signs in with the demo authenticator code.

What the loaded demo holds for supervision, and that a second load changes nothing, is checked
with every other app's part on one load: tests/demo/test_parts.py (TestTheSupervisionPart).
"""

import pytest
from allauth.mfa.models import Authenticator
from django.core.management import call_command

from supervision.demo import DEMO_PASSWORD, DEMO_PEOPLE
from supervision.demo.people import demo_totp_code, seed_people

pytestmark = pytest.mark.django_db


def test_every_demo_account_signs_in_with_the_demo_authenticator_code(client, settings):
    settings.SECOND_FACTOR_REQUIRED = True
    people = seed_people()
    seed_people()  # a second run adds no second app
    assert Authenticator.objects.filter(type=Authenticator.Type.TOTP).count() == len(DEMO_PEOPLE)
    for user in people.values():
        client.post("/accounts/login/", {"login": user.email, "password": DEMO_PASSWORD})
        response = client.post("/accounts/2fa/authenticate/", {"code": demo_totp_code()})
        assert response.status_code == 302, user.email
        assert client.get("/").status_code == 200, user.email  # no set-up asked of anyone
        client.post("/accounts/logout/")


def test_demo_totp_code_prints_the_code_and_demo_logins_says_how(capsys):
    call_command("demo_totp_code")
    assert capsys.readouterr().out.strip() in {demo_totp_code(), demo_totp_code(at=None)}
    call_command("demo_logins")
    out = capsys.readouterr().out
    assert "demo_totp_code" in out and "CBTSUPERVISIONDEMOSECRETKEYABCDE" in out
    # The fixed secret gives the codes any authenticator app would (RFC 6238, 30-second steps).
    assert demo_totp_code(at=0) == demo_totp_code(at=29) != demo_totp_code(at=30)
