"""Staff correct a person's display name and time zone in the admin's person form."""

import pytest
from django.urls import reverse

from supervision.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def edit_data(person, **changes):
    data = {
        "email": person.email,
        "display_name": person.display_name,
        "timezone": person.timezone,
        "is_active": "on",
        "password1": "",
        "password2": "",
    }
    data.update(changes)
    return data


def test_staff_change_a_persons_display_name_and_time_zone(client, administrator):
    """Wagtail's form had neither field and required a first and last name our people lack."""
    person = UserFactory(display_name="Lina Farow", timezone="")
    client.force_login(administrator)
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    page = client.get(url).content.decode()
    assert 'name="display_name"' in page and 'name="timezone"' in page
    assert 'name="first_name"' not in page
    changes = {"display_name": "  Lina Farrow ", "timezone": "Pacific/Auckland"}
    response = client.post(url, edit_data(person, **changes))
    assert response.status_code == 302, response.context["form"].errors
    person.refresh_from_db()
    assert person.display_name == "Lina Farrow"
    assert person.timezone == "Pacific/Auckland"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"display_name": "   "}, "display_name", "Enter the name shown to others."),
        ({"timezone": "Mars/Olympus_Mons"}, "timezone", "Choose a time zone from the list."),
        ({"display_name": "Lina\u202eFarrow"}, "display_name", ""),
    ],
)
def test_a_bad_name_or_time_zone_is_refused_beside_the_field_and_kept(
    client, administrator, changes, field, message
):
    person = UserFactory(display_name="Lina Farrow", timezone="Europe/Berlin")
    client.force_login(administrator)
    url = reverse("wagtailusers_users:edit", args=[person.pk])
    typed = {"display_name": "Lina F.", "timezone": "Europe/Vienna", **changes}
    response = client.post(url, edit_data(person, **typed))
    assert response.status_code == 200
    form = response.context["form"]
    assert field in form.errors
    assert message in " ".join(form.errors[field])
    other = ({"display_name", "timezone"} - {field}).pop()
    assert form[other].value() == typed[other]  # what was typed is kept
    unchanged = User.objects.get(pk=person.pk)
    assert (unchanged.display_name, unchanged.timezone) == ("Lina Farrow", "Europe/Berlin")


def test_staff_add_a_person_with_a_display_name_and_time_zone(client, administrator):
    client.force_login(administrator)
    response = client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "nia.new@example.org",
            "display_name": "Nia New",
            "timezone": "Europe/Lisbon",
            "password1": "a-long-secret-pass-9",
            "password2": "a-long-secret-pass-9",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    person = User.objects.get(email="nia.new@example.org")
    assert (person.display_name, person.timezone) == ("Nia New", "Europe/Lisbon")
