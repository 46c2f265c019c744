"""The Wagtail admin lists people by their display name, sorted by it (issue 16)."""

import pytest
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_people_list_names_people_by_display_name(client, administrator):
    UserFactory(display_name="Zoë Marsh", email="zm@example.org")
    UserFactory(display_name="Ada Quill", email="aq@example.org")
    client.force_login(administrator)

    response = client.get(reverse("wagtailusers_users:index"), {"ordering": "name"})

    assert response.status_code == 200
    content = response.content.decode()
    assert "Zoë Marsh" in content and "Ada Quill" in content
    assert content.index("Ada Quill") < content.index("Zoë Marsh")
    names = [user.get_full_name() for user in response.context["object_list"]]
    assert names == sorted(names, key=str.casefold)
