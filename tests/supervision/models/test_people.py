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
