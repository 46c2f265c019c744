"""The Wagtail admin names people by their display name (issue 16), via User.get_full_name()."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_people_list_names_people_by_display_name(client, administrator):
    UserFactory(display_name="Zoë Marsh", email="zm@example.org")
    UserFactory(display_name="Ada Quill", email="aq@example.org")
    client.force_login(administrator)

    response = client.get(reverse("wagtailusers_users:index"))

    assert response.status_code == 200
    content = response.content.decode()
    assert "Zoë Marsh" in content and "Ada Quill" in content


def test_the_people_list_sorts_by_display_name_not_by_email(client, administrator):
    # E-mail order (a, m, z) is the reverse of display-name order (Ada, Mira, Zoë).
    UserFactory(display_name="Zoë Marsh", email="a-zm@example.org")
    UserFactory(display_name="Mira Holt", email="m-mh@example.org")
    UserFactory(display_name="Ada Quill", email="z-aq@example.org")
    client.force_login(administrator)

    opened = client.get(reverse("wagtailusers_users:index")).content.decode()
    reversed_ = client.get(reverse("wagtailusers_users:index"), {"ordering": "-name"})

    assert opened.index("Ada Quill") < opened.index("Mira Holt") < opened.index("Zoë Marsh")
    text = reversed_.content.decode()
    assert text.index("Zoë Marsh") < text.index("Mira Holt") < text.index("Ada Quill")


def test_the_people_list_finds_people_by_display_name(client, administrator):
    UserFactory(display_name="Ada Quill", email="aq@example.org")
    UserFactory(display_name="Mira Holt", email="mh@example.org")
    client.force_login(administrator)

    response = client.get(reverse("wagtailusers_users:index"), {"q": "quill"})

    text = response.content.decode()
    assert "Ada Quill" in text and "Mira Holt" not in text


def test_supervision_keeps_its_own_app_config_beside_wagtails_users_app():
    """A second AppConfig in supervision/apps.py would silently replace SupervisionConfig."""
    from django.apps import apps

    from supervision.apps import SupervisionConfig
    from supervision.people_admin_app import PeopleUsersConfig

    assert type(apps.get_app_config("supervision")) is SupervisionConfig
    assert type(apps.get_app_config("wagtailusers")) is PeopleUsersConfig
