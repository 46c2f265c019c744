"""The person of each signed-in request, read by the backend that signed them in."""

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.urls import reverse

from supervision.backends import PersonBackend
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def test_the_backend_gives_the_person_while_they_may_sign_in(django_assert_num_queries):
    person = UserFactory()
    backend = PersonBackend()
    backend.get_user(person.pk)  # its query written
    with django_assert_num_queries(1):
        assert backend.get_user(str(person.pk)) == person
    assert backend.get_user(person.pk + 1000) is None
    assert backend.get_user("not a key") is None
    person.is_active = False
    person.save(update_fields=["is_active"])
    assert backend.get_user(person.pk) is None


def test_signing_in_uses_it_and_a_session_signed_in_before_it_still_works(client):
    person = UserFactory()
    response = client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == "supervision.backends.PersonBackend"
    assert client.get(reverse("supervision:dashboard")).status_code == 200

    session = client.session
    session[BACKEND_SESSION_KEY] = "allauth.account.auth_backends.AuthenticationBackend"
    session.save()
    assert client.get(reverse("supervision:dashboard")).status_code == 200
