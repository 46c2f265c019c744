"""Where a notice's e-mail task is queued: with the notice, when tasks are rows of this database."""

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from notifications.models import Notification
from notifications.services import notification_send
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tasks_in_the_database(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def send(recipient):
    return notification_send(
        recipient=recipient,
        kind=Notification.Kind.FEEDBACK_RELEASED,
        title="A comment was released",
        url="/feedback/entries/1/",
    )


@pytest.mark.usefixtures("tasks_in_the_database")
def test_the_email_task_is_queued_in_the_notices_own_transaction():
    person = UserFactory()
    with transaction.atomic():
        send(person)
        # Queued already, inside the transaction: one commit for the notice and its task.
        assert DBTaskResult.objects.count() == 1
    assert DBTaskResult.objects.count() == 1


@pytest.mark.usefixtures("tasks_in_the_database")
def test_an_undone_notice_leaves_no_email_task():
    person = UserFactory()
    with pytest.raises(RuntimeError), transaction.atomic():
        send(person)
        raise RuntimeError("the action failed")
    assert not Notification.objects.exists()
    assert not DBTaskResult.objects.exists()
