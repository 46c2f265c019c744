"""Turning reminders off for one homework, and the task overview with its retry."""

import pytest
from django.urls import reverse

from reminders.models import AssignmentMute
from tests.homework.factories import make_assignment
from tests.reminders.conftest import make_failed_task

pytestmark = pytest.mark.django_db


def test_the_preferences_page_lists_homework_and_turns_its_reminders_off_and_on(
    client, supervision, supervisee
):
    assignment = make_assignment(supervision, title="Notice the urge")
    client.force_login(supervisee)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Notice the urge" in page and "Turn reminders off" in page
    url = reverse("reminders:assignment_reminders", args=[assignment.pk])
    client.post(url, {"reminders": "off"})
    client.post(url, {"reminders": "off"})  # a double click changes nothing more
    assert AssignmentMute.objects.filter(assignment=assignment, person=supervisee).count() == 1
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Reminders off" in page and "Turn reminders on" in page
    client.post(url, {"reminders": "on"})
    assert not AssignmentMute.objects.exists()


def test_the_supervisee_sees_when_the_supervisor_turned_them_off(
    client, supervision, supervisor, supervisee
):
    assignment = make_assignment(supervision)
    client.force_login(supervisor)
    client.post(
        reverse("reminders:assignment_reminders", args=[assignment.pk]), {"reminders": "off"}
    )
    client.force_login(supervisee)
    page = client.get(reverse("notifications:preferences")).content.decode()
    assert "Turned off by the other person" in page


def test_administrators_see_counts_and_retry_a_failed_task_once(client, administrator):
    task = make_failed_task()
    client.force_login(administrator)
    page = client.get(reverse("reminders:task_overview")).content.decode()
    assert "Failed (1)" in page and "smtplib.SMTPServerDisconnected" in page
    retry = reverse("reminders:task_retry", args=[task.pk])
    assert client.post(retry).status_code == 302
    client.post(retry)
    task.refresh_from_db()
    assert task.return_value == {"retried": True}
    # The test backend runs the task at once; it is recorded as a new, finished task.
    page = client.get(reverse("reminders:task_overview") + "?status=FAILED").content.decode()
    assert "Queued again" in page


def test_the_overview_reads_a_fixed_number_of_queries(
    client, administrator, django_assert_max_num_queries
):
    for _ in range(20):
        make_failed_task()
    client.force_login(administrator)
    with django_assert_max_num_queries(8):
        client.get(reverse("reminders:task_overview"))
