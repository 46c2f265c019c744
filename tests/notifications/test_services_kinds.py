"""Every kind of notice: one clear title that does not repeat its kind, a link, once per event."""

import pytest
from django.urls import reverse

from feedback.services import feedback_create, feedback_release, feedback_reply
from homework.services.assignments import assignment_accept, supervision_proposals_set
from homework.services.entries import entry_reopen, occurrence_entry_start
from notifications.models import Notification
from tests.homework.factories import make_assignment
from tests.homework.views.test_entries import hand_in, worksheet  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def only_notice(recipient, kind):
    (notice,) = Notification.objects.filter(recipient=recipient, kind=kind)
    label = Notification.Kind(kind).label
    assert notice.title.count(label) <= 1
    # The list shows the kind in front of the title, so the title must not start with it.
    assert not notice.title.lower().startswith(label.lower())
    assert notice.url.startswith("/")
    return notice


def test_new_homework(supervision, supervisee):
    assignment = make_assignment(supervision, title="Notice the urge")
    notice = only_notice(supervisee, Notification.Kind.ASSIGNMENT_NEW)
    assert notice.title.startswith(f"{supervision.supervisor.name} set “Notice the urge”, due ")
    assert notice.url == reverse("homework:assignment_detail", args=[assignment.pk])


def test_proposal_and_its_acceptance(supervision, supervisor, supervisee):
    supervision_proposals_set(supervision=supervision, supervisor=supervisor, allowed=True)
    proposal = make_assignment(supervision, author=supervisee, title="Read chapter 3")
    notice = only_notice(supervisor, Notification.Kind.ASSIGNMENT_NEW)
    assert notice.title == f"{supervisee.name} proposed homework “Read chapter 3”"
    assignment_accept(assignment=proposal, supervisor=supervisor)
    assignment_accept(assignment=proposal, supervisor=supervisor)
    notice = only_notice(supervisee, Notification.Kind.PROPOSAL_ACCEPTED)
    assert notice.title == f"{supervisor.name} accepted your proposal “Read chapter 3”"


def test_handing_in_reopening_feedback_and_replies(supervision, supervisor, supervisee, worksheet):  # noqa: F811
    assignment = make_assignment(supervision, worksheet_version=worksheet, title="Urge log")
    entry = hand_in(occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee))
    notice = only_notice(supervisor, Notification.Kind.ENTRY_SUBMITTED)
    assert notice.title == f"{supervisee.name} handed in “Urge log”"
    assert notice.url == reverse("feedback:entry_feedback", args=[entry.pk])

    feedback = feedback_create(entry=entry, author=supervisor, body="Good noticing.")
    feedback_release(feedback=feedback, releaser=supervisor)
    notice = only_notice(supervisee, Notification.Kind.FEEDBACK_RELEASED)
    assert notice.title.startswith(f"{supervisor.name} released a comment on ")

    feedback_reply(feedback=feedback, author=supervisee, body="Thank you.")
    only_notice(supervisor, Notification.Kind.REPLY_RECEIVED)

    entry_reopen(entry=entry, supervisor=supervisor, note="Add the second column.")
    entry_reopen(entry=entry, supervisor=supervisor, note="Add the second column.")
    notice = only_notice(supervisee, Notification.Kind.ENTRY_REOPENED)
    assert notice.title == f"{supervisor.name} reopened “Urge log” for revision"


def test_the_list_shows_each_kind_once_beside_a_title_that_does_not_repeat_it(
    client, supervision, supervisee
):
    make_assignment(supervision, title="Notice the urge")
    client.force_login(supervisee)
    html = client.get(reverse("notifications:list")).content.decode()
    assert html.count("New homework") == 1
    assert '<span class="notification__kind">New homework:</span>' in html
    assert "set “Notice the urge”, due " in html
