"""Sign-in, sign-out, password change and reset through allauth, in our own templates."""

import pytest
from django.core import mail
from django.urls import reverse

from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN = reverse("account_login")


def test_login_page_renders_in_our_look(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    content = response.content.decode()
    assert 'class="skip-link"' in content
    assert "Sign in" in content
    assert "sign up" not in content.lower()


def test_sign_in_with_email_lands_on_dashboard(client):
    user = UserFactory(email="lina@example.org")
    response = client.post(LOGIN, {"login": "Lina@Example.org", "password": PASSWORD})
    assert response.status_code == 302
    assert response.url == reverse("supervision:dashboard")
    assert client.get(response.url).context["user"] == user


@pytest.mark.parametrize("email", ["known@example.org", "unknown@example.org"])
def test_wrong_password_or_unknown_email_gets_one_neutral_message(client, email):
    UserFactory(email="known@example.org")
    response = client.post(LOGIN, {"login": email, "password": "wrong-password-here"})
    assert response.status_code == 200
    errors = response.context["form"].non_field_errors()
    assert errors == ["The email address and/or password you specified are not correct."]
    # What the person typed is kept.
    assert f'value="{email}"' in response.content.decode()


def test_repeated_failed_sign_ins_are_limited(client):
    UserFactory(email="target@example.org")
    statuses = [
        client.post(LOGIN, {"login": "target@example.org", "password": "nope-nope-1"}).status_code
        for _ in range(7)
    ]
    response = client.post(LOGIN, {"login": "target@example.org", "password": PASSWORD})
    assert statuses[0] == 200
    # allauth refuses further attempts on this account for a while, even with the right password.
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session


def test_sign_up_is_closed(client):
    response = client.get(reverse("account_signup"))
    assert response.status_code == 200
    assert "Accounts are created by invitation" in response.content.decode()
    response = client.post(
        reverse("account_signup"),
        {"email": "new@example.org", "password1": "a-long-pass-99", "password2": "a-long-pass-99"},
    )
    from supervision.models import User

    assert not User.objects.filter(email="new@example.org").exists()


def test_sign_out_needs_post_and_ends_the_session(client):
    user = UserFactory()
    client.force_login(user)
    assert client.get(reverse("account_logout")).status_code == 200
    assert "_auth_user_id" in client.session
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_password_change(client):
    user = UserFactory()
    client.force_login(user)
    url = reverse("account_change_password")
    response = client.post(
        url, {"oldpassword": "wrong", "password1": "short", "password2": "short"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["oldpassword"]
    response = client.post(
        url,
        {
            "oldpassword": PASSWORD,
            "password1": "a-brand-new-pass-2026",
            "password2": "a-brand-new-pass-2026",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("a-brand-new-pass-2026")


def test_password_reset_sends_a_one_time_link(client):
    UserFactory(email="forgot@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "forgot@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_reset_for_unknown_address_reveals_nothing(client):
    response = client.post(reverse("account_reset_password"), {"email": "nobody@example.org"})
    assert response.status_code == 302
    assert response.url == reverse("account_reset_password_done")


@pytest.mark.parametrize("url", ["/", "/accounts/password/change/"])
def test_pages_that_need_a_login_redirect_there_and_back(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response.url == f"{LOGIN}?next={url}"


def test_argon2_is_the_first_hasher():
    from config.settings import base

    assert base.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")
