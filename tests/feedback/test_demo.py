"""Demo feedback: released and draft comments with replies and history, loaded once however often run."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from feedback.models import Feedback, FeedbackReply, FeedbackRevision
from notifications.models import Notification
from supervision.models import User

pytestmark = pytest.mark.django_db


def snapshot():
    return (
        list(Feedback.objects.values_list("pk", "status", "version", "body")),
        FeedbackReply.objects.count(),
        FeedbackRevision.objects.count(),
        Notification.objects.count(),
    )


def test_seed_demo_gives_feedback_in_each_state_idempotently(client):
    call_command("seed_demo")
    first = snapshot()
    assert {status for _pk, status, _v, _b in first[0]} == {"draft", "released"}
    assert first[1] == 2 and first[2] == 1
    call_command("seed_demo")
    assert snapshot() == first

    entry = Feedback.objects.first().entry
    client.force_login(User.objects.get(email="trainee1@example.org"))
    html = client.get(reverse("feedback:entry_feedback", args=[entry.pk])).content.decode()
    assert "Notice the word" in html and "Twice in a month" in html
    assert "65% belief" not in html  # the draft stays with the supervisor
