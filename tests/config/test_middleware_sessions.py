"""Session expiry (idle and absolute) and the second factor required of supervisors and staff."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse

from supervision.sessions import LAST_SEEN_KEY, SIGNED_IN_AT_KEY
from tests.factories import UserFactory, make_supervision

pytestmark = pytest.mark.django_db

DASHBOARD = reverse("supervision:dashboard")


def set_session(client, **values):
    session = client.session
    session.update(values)
    session.save()


def test_an_idle_session_ends_with_a_message(client, settings, supervisee):
    settings.SESSION_IDLE_TIMEOUT = 600
    client.force_login(supervisee)
    assert client.get(DASHBOARD).status_code == 200
    set_session(client, **{LAST_SEEN_KEY: time.time() - 601})
    response = client.get(DASHBOARD, follow=True)
    assert response.redirect_chain[0][0].startswith(reverse("account_login"))
    assert "_auth_user_id" not in client.session
    assert "signed out after 10 minutes without activity" in response.content.decode()


def test_a_used_session_lives_on_until_its_absolute_lifetime(client, settings, supervisee):
    settings.SESSION_IDLE_TIMEOUT = 600
    settings.SESSION_ABSOLUTE_LIFETIME = 3600
    client.force_login(supervisee)
    set_session(client, **{SIGNED_IN_AT_KEY: time.time() - 3500, LAST_SEEN_KEY: time.time()})
    assert client.get(DASHBOARD).status_code == 200
    set_session(client, **{SIGNED_IN_AT_KEY: time.time() - 3601})
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_last_seen_is_written_at_most_once_a_minute(client, supervisee):
    client.force_login(supervisee)
    client.get(DASHBOARD)
    first = client.session[LAST_SEEN_KEY]
    client.get(DASHBOARD)
    assert client.session[LAST_SEEN_KEY] == first


@pytest.fixture
def required(settings):
    settings.SECOND_FACTOR_REQUIRED = True


def test_a_supervisor_without_a_second_factor_is_sent_to_set_one_up(client, required, supervision):
    client.force_login(supervision.supervisor)
    response = client.get(DASHBOARD)
    assert response.status_code == 302
    assert response.url == reverse("mfa_index")
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Set up a second step before you go on" in page.content.decode()
    # The set-up page itself and the other account pages stay open.
    # (Setting up asks for the password first, as a test's force_login is no fresh sign-in.)
    assert client.get(reverse("mfa_activate_totp")).url.startswith(
        reverse("account_reauthenticate")
    )
    assert client.get(reverse("supervision:account")).status_code == 302
    assert client.get(reverse("wagtailadmin_home")).url == reverse("mfa_index")


@pytest.mark.parametrize("kind", ["administrator", "course_editor"])
def test_staff_must_set_one_up_too(client, required, request, kind):
    client.force_login(request.getfixturevalue(kind))
    assert client.get(DASHBOARD).url == reverse("mfa_index")


def test_trainees_are_offered_but_not_made_to(client, required, supervision):
    client.force_login(supervision.supervisee)
    assert client.get(DASHBOARD).status_code == 200
    page = client.get(reverse("mfa_index")).content.decode()
    assert "Set up a second step before you go on" not in page


def test_a_supervisor_with_an_authenticator_app_goes_on(client, required, supervision):
    TOTP.activate(supervision.supervisor, "JBSWY3DPEHPK3PXP")
    client.force_login(supervision.supervisor)
    assert client.get(DASHBOARD).status_code == 200


def test_the_rule_can_be_turned_off(client, settings, supervision):
    settings.SECOND_FACTOR_REQUIRED = False
    client.force_login(supervision.supervisor)
    assert client.get(DASHBOARD).status_code == 200


def test_an_ended_supervisor_is_no_longer_required(client, required):
    from supervision.services.relationships import supervision_end

    supervisor = UserFactory()
    relationship = make_supervision(supervisor, UserFactory())
    supervision_end(supervision=relationship)
    client.force_login(supervisor)
    assert client.get(DASHBOARD).status_code == 200
