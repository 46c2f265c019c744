"""The site's menu is rendered once per person, page and roles, and shows every change at once."""

import pytest
from django.urls import reverse

from notifications.models import Notification
from notifications.services import notification_send
from supervision import navigation
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
DASHBOARD = reverse("supervision:dashboard")


@pytest.fixture
def built(monkeypatch):
    """How many times the menu's links were worked out (each time it was rendered)."""
    calls = []
    real = navigation.navigation_for

    def counted(request, roles):
        calls.append(request.path)
        return real(request, roles)

    monkeypatch.setattr("supervision.context_processors.navigation_for", counted)
    return calls


def test_the_menu_is_rendered_once_per_person_and_page(client, supervisee, supervision, built):
    client.force_login(supervisee)
    first = client.get(DASHBOARD).content.decode()
    second = client.get(DASHBOARD).content.decode()
    assert built == [DASHBOARD]
    assert "data-site-menu" in second and supervisee.email in second
    homework = client.get(reverse("homework:due")).content.decode()
    assert built == [DASHBOARD, reverse("homework:due")]
    # The current page is the one marked.
    assert f'href="{reverse("homework:due")}" aria-current="page"' in homework
    assert f'href="{reverse("homework:due")}" aria-current="page"' not in first


def test_a_new_notice_shows_in_the_menu_at_once(client, supervisee, supervision):
    client.force_login(supervisee)
    assert "unread notifications" not in client.get(DASHBOARD).content.decode()
    notification_send(
        recipient=supervisee, kind=Notification.Kind.ASSIGNMENT_NEW, url="/homework/", title="New"
    )
    content = client.get(DASHBOARD).content.decode()
    assert '1<span class="visually-hidden"> unread notifications</span>' in content


def test_a_menu_is_never_another_persons(client, supervisee, supervision):
    client.force_login(supervisee)
    client.get(DASHBOARD)
    other = UserFactory()
    client.force_login(other)
    content = client.get(DASHBOARD).content.decode()
    assert other.email in content and supervisee.email not in content
