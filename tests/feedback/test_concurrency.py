"""Concurrent clicks on PostgreSQL: releasing, editing and replying happen once whatever the timing."""

import uuid

import pytest
from django.db import connection

from feedback.models import Feedback, FeedbackReply, FeedbackRevision
from feedback.services import (
    FeedbackConflict,
    feedback_create,
    feedback_release,
    feedback_release_all,
    feedback_reply,
    feedback_update,
)
from notifications.models import Notification
from tests.concurrency import THREADS, at_once
from tests.factories import UserFactory, make_supervision
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def _postgres_only():
    if connection.vendor != "postgresql":
        pytest.skip("Row locks and concurrent transactions are tested on PostgreSQL.")


def world():
    supervisor, trainee = UserFactory(), UserFactory()
    make_supervision(supervisor, trainee)
    template = worksheet_template_create(title="Small", body=SMALL_BODY, publish=True)
    entry = submit(entry_start(author=trainee, template_version=template.versions.get()))
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    return supervisor, trainee, entry


def released_notices() -> int:
    return Notification.objects.filter(kind=Notification.Kind.FEEDBACK_RELEASED).count()


def test_release_clicked_in_several_tabs_at_once_notifies_once():
    supervisor, _trainee, entry = world()
    feedback = feedback_create(entry=entry, author=supervisor, body="Once.")
    outcomes = at_once(lambda: feedback_release(feedback=feedback, releaser=supervisor))
    assert outcomes == [None] * THREADS
    assert Feedback.objects.get().is_released
    assert released_notices() == 1


def test_release_all_clicked_twice_at_once_notifies_once():
    supervisor, _trainee, entry = world()
    for _ in range(3):
        feedback_create(entry=entry, author=supervisor, body="Draft.")
    assert (
        at_once(lambda: feedback_release_all(entry=entry, releaser=supervisor)) == [None] * THREADS
    )
    assert released_notices() == 1


def test_edits_from_several_tabs_based_on_one_version_save_once():
    supervisor, _trainee, entry = world()
    feedback = feedback_release(
        feedback=feedback_create(entry=entry, author=supervisor, body="Original."),
        releaser=supervisor,
    )
    version = feedback.version
    outcomes = at_once(
        lambda: feedback_update(
            feedback=feedback,
            editor=supervisor,
            body=f"Edit {uuid.uuid4()}",
            expected_version=version,
        )
    )
    assert sum(outcome is None for outcome in outcomes) == 1
    assert all(isinstance(o, FeedbackConflict) for o in outcomes if o is not None)
    assert FeedbackRevision.objects.count() == 1
    assert Feedback.objects.get().version == version + 1


def test_one_reply_form_submitted_several_times_at_once_saves_one_reply():
    supervisor, trainee, entry = world()
    feedback = feedback_release(
        feedback=feedback_create(entry=entry, author=supervisor, body="Comment."),
        releaser=supervisor,
    )
    token = uuid.uuid4()
    outcomes = at_once(
        lambda: feedback_reply(feedback=feedback, author=trainee, body="Hi.", client_token=token)
    )
    assert outcomes == [None] * THREADS
    assert FeedbackReply.objects.count() == 1
    assert Notification.objects.filter(kind=Notification.Kind.REPLY_RECEIVED).count() == 1


def test_one_comment_form_submitted_several_times_at_once_saves_one_comment():
    supervisor, _trainee, entry = world()
    token = uuid.uuid4()
    outcomes = at_once(
        lambda: feedback_create(entry=entry, author=supervisor, body="Once.", client_token=token)
    )
    assert outcomes == [None] * THREADS
    assert Feedback.objects.count() == 1
