"""The bell: a person sees, opens and clears only their own notifications."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from notifications.models import Notification
from notifications.services import notification_send
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
LIST = reverse("notifications:list")


def send(recipient, actor=None, url="/"):
    return notification_send(
        recipient=recipient,
        actor=actor,
        kind=Notification.Kind.ENTRY_SUBMITTED,
        summary="Lina submitted “Thought record”",
        url=url,
    )


def test_nobody_is_notified_of_their_own_action(supervisee):
    assert send(supervisee, actor=supervisee) is None
    assert not Notification.objects.exists()


def test_bell_shows_the_unread_count(client, supervisor, supervisee):
    send(supervisor, actor=supervisee)
    send(supervisor, actor=supervisee)
    client.force_login(supervisor)
    content = client.get(reverse("supervision:dashboard")).content.decode()
    assert '<span class="bell__count">2<span class="visually-hidden"> unread</span>' in content


def test_list_shows_only_my_notifications(client, supervisor, supervisee):
    mine = send(supervisor, actor=supervisee)
    notification_send(
        recipient=supervisee,
        actor=supervisor,
        kind=Notification.Kind.FEEDBACK_RELEASED,
        summary="Someone else's notice",
        url="/",
    )
    client.force_login(supervisor)
    content = client.get(LIST).content.decode()
    assert mine.summary in content
    assert "Someone else&#x27;s notice" not in content


def test_opening_marks_read_and_follows_the_link(client, supervisor, supervisee):
    notification = send(supervisor, actor=supervisee, url="/notifications/")
    client.force_login(supervisor)
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 405
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response.url == "/notifications/"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_someone_elses_notification_is_not_found(client, supervisor, supervisee):
    notification = send(supervisee, actor=supervisor)
    client.force_login(UserFactory())
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


def test_an_offsite_link_is_never_followed(client, supervisor, supervisee):
    notification = send(supervisor, actor=supervisee, url="https://evil.example.com/")
    client.force_login(supervisor)
    response = client.post(reverse("notifications:open", args=[notification.pk]))
    assert response.url == LIST


def test_mark_all_read(client, supervisor, supervisee):
    send(supervisor, actor=supervisee)
    send(supervisor, actor=supervisee)
    other = send(supervisee, actor=supervisor)
    client.force_login(supervisor)
    client.post(reverse("notifications:read_all"))
    assert not Notification.objects.filter(recipient=supervisor, read_at__isnull=True).exists()
    other.refresh_from_db()
    assert other.read_at is None


def test_anonymous_people_are_sent_to_sign_in(client):
    assert client.get(LIST).status_code == 302


def test_list_query_count_does_not_grow(client, supervisor, supervisee):
    client.force_login(supervisor)
    send(supervisor, actor=supervisee)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for _ in range(39):
        send(supervisor, actor=UserFactory())
    with CaptureQueriesContext(connection) as many:
        response = client.get(LIST)
    assert response.content.decode().count('class="notification ') == 30
    assert len(many) == len(few)


def test_preferences_keep_what_was_typed_beside_a_clear_message(client, supervisee):
    client.force_login(supervisee)
    response = client.post(
        reverse("notifications:preferences"),
        {"quiet_from": "22:00", "quiet_until": "", "timezone": "Europe/Paris"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Give both ends of the quiet hours, or neither." in html
    assert 'value="22:00"' in html


def test_preferences_are_saved_and_shown_again(client, supervisee):
    client.force_login(supervisee)
    data = {
        "email_kinds": ["homework_due", "meeting_soon"],
        "quiet_from": "22:00",
        "quiet_until": "07:30",
        "timezone": "Europe/Paris",
    }
    assert client.post(reverse("notifications:preferences"), data).status_code == 302
    preference = supervisee.notification_preference
    preference.refresh_from_db()
    assert preference.email_kinds == ["homework_due", "meeting_soon"]
    assert preference.weekly_digest is False
    html = client.get(reverse("notifications:preferences")).content.decode()
    assert 'value="07:30"' in html


def test_each_notice_says_its_kind_beside_its_title(client, supervisor, supervisee):
    """The title never repeats the kind (notification_send), so the list has to show it."""
    send(supervisor, actor=supervisee)
    client.force_login(supervisor)
    content = client.get(LIST).content.decode()
    assert '<span class="notification__kind">Homework handed in:</span>' in content


def test_the_bell_counts_only_my_unread_notices_and_drops_to_none(client, supervisor, supervisee):
    first = send(supervisor, actor=supervisee)
    send(supervisor, actor=supervisee)
    send(supervisee, actor=supervisor)  # someone else's
    client.force_login(supervisor)
    client.post(reverse("notifications:open", args=[first.pk]))
    content = client.get(LIST).content.decode()
    assert '<span class="bell__count">1<span class="visually-hidden"> unread</span>' in content
    client.post(reverse("notifications:read_all"))
    assert 'class="bell__count"' not in client.get(LIST).content.decode()


def test_the_list_pages_from_newer_to_older(client, supervisor, supervisee):
    for _ in range(31):
        send(supervisor, actor=supervisee)
    client.force_login(supervisor)

    first = client.get(LIST).content.decode()
    second = client.get(LIST, {"page": 2}).content.decode()

    assert 'aria-label="Pages of notifications"' in first and "Page 1 of 2" in first
    assert 'href="?page=2">Older</a>' in first and "Newer</a>" not in first
    assert 'href="?page=1">Newer</a>' in second and "Older</a>" not in second
