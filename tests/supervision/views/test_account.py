"""The account page, and the admin sign-in pages that send people to ours."""

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_account_page_shows_and_links_email_password_and_two_step_sign_in(client, supervisee):
    client.force_login(supervisee)
    response = client.get(reverse("supervision:account"))
    content = response.content.decode()
    assert response.status_code == 200
    assert supervisee.email in content and supervisee.name in content
    for name in ("account_email", "account_change_password", "mfa_index"):
        assert f'href="{reverse(name)}"' in content
    assert "Off" in content


def test_account_page_says_when_two_step_sign_in_is_on(client, supervisee):
    TOTP.activate(supervisee, "JBSWY3DPEHPK3PXP")
    client.force_login(supervisee)
    assert "Authenticator app" in client.get(reverse("supervision:account")).content.decode()


@pytest.mark.parametrize(
    ("path", "home"),
    [("/cms/login/", "/cms/"), ("/django-admin/login/", "/django-admin/")],
)
def test_admin_sign_in_pages_send_people_to_ours(client, path, home):
    response = client.get(path)
    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={home}"
    response = client.get(f"{path}?next=/cms/pages/")
    assert response.url == f"{reverse('account_login')}?next=/cms/pages/"
    # A next page on another site is not followed.
    response = client.get(f"{path}?next=https://evil.example/")
    assert response.url == f"{reverse('account_login')}?next={home}"


def test_the_admins_send_anonymous_visitors_to_our_sign_in(client):
    assert client.get("/cms/").url.startswith(reverse("account_login"))
    assert client.get("/django-admin/").url.startswith("/django-admin/login/")


def test_account_page_shows_the_time_zone_or_the_one_used_until_it_is_known(
    client, supervisee, settings
):
    client.force_login(supervisee)
    supervisee.timezone = "Pacific/Auckland"
    supervisee.save(update_fields=["timezone"])
    assert "Pacific/Auckland" in client.get(reverse("supervision:account")).content.decode()
    supervisee.timezone = ""
    supervisee.save(update_fields=["timezone"])
    content = client.get(reverse("supervision:account")).content.decode()
    assert f"Not known yet: times are shown in {settings.TIME_ZONE}" in content
