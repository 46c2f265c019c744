"""bench.copies: a copy of one supervisor's records belongs wholly to the new people."""

import pytest

from bench.copies import capture_since, copied_models, copy_records, high_water
from bench.tiers import _year_of_supervision
from feedback.models import Feedback
from homework.models import Assignment, Occurrence
from notifications.models import Notification
from supervision.models import Attendance, Meeting, Supervision
from supervision.permissions import ClinicalPermissionChecker, objects_for_user
from tests.factories import UserFactory
from worksheets.models import Entry, Submission

pytestmark = pytest.mark.django_db


@pytest.fixture
def copied():
    """A year of supervision written by the services, and its copy for two new people."""
    first = [UserFactory(), UserFactory()]
    models = copied_models()
    marks = high_water(models)
    _year_of_supervision(*first)
    captured = capture_since(marks)
    second = [UserFactory(), UserFactory()]
    written = copy_records(captured, {a.pk: b.pk for a, b in zip(first, second, strict=True)})
    return first, second, captured, written


def test_every_row_is_copied_once(copied):
    first, second, captured, written = copied
    assert written == sum(len(rows) for rows in captured.values())
    for model in (Supervision, Meeting, Attendance, Assignment, Occurrence, Entry, Submission,
                  Feedback, Notification):  # fmt: skip
        assert model in captured
        assert model._base_manager.count() == 2 * len(captured[model]), model


def test_the_copy_links_only_to_copied_rows_and_the_new_people(copied):
    (supervisor, trainee), (new_supervisor, new_trainee), _, _ = copied
    supervision = Supervision.objects.get(supervisor=new_supervisor)
    assert supervision.supervisee == new_trainee
    meetings = Meeting.objects.filter(supervisor=new_supervisor)
    assert meetings.count() == Meeting.objects.filter(supervisor=supervisor).count() > 0
    assert set(
        Attendance.objects.filter(meeting__in=meetings).values_list("supervision", flat=True)
    ) == {supervision.pk}
    entries = Entry.objects.filter(author=new_trainee)
    assert set(
        Occurrence.objects.filter(entry__in=entries).values_list(
            "assignment__supervision", flat=True
        )
    ) == {supervision.pk}
    assert set(Feedback.objects.filter(entry__in=entries).values_list("author", flat=True)) == {
        new_supervisor.pk
    }
    original = Entry.objects.filter(author=trainee).order_by("pk").first()
    copy = entries.order_by("pk").first()
    assert copy.created_at == original.created_at and copy.submitted_at == original.submitted_at


def test_the_copy_is_readable_by_its_people_and_only_them(copied):
    (supervisor, trainee), (new_supervisor, new_trainee), _, _ = copied
    copies = Meeting.objects.filter(supervisor=new_supervisor)
    for person in (new_supervisor, new_trainee):
        assert set(objects_for_user(person, "view_meeting", Meeting.objects.all())) == set(copies)
    checker = ClinicalPermissionChecker(supervisor)
    assert not any(checker.has_perm("view_meeting", meeting) for meeting in copies)
    entry = Entry.objects.filter(author=new_trainee, status=Entry.Status.SUBMITTED).first()
    assert ClinicalPermissionChecker(new_supervisor).has_perm("view_entry", entry)
    assert not ClinicalPermissionChecker(supervisor).has_perm("view_entry", entry)


def test_a_copied_notice_names_the_copied_object(copied):
    _, (new_supervisor, new_trainee), _, _ = copied
    assignments = {a.pk for a in Assignment.objects.filter(supervision__supervisee=new_trainee)}
    notices = Notification.objects.filter(recipient=new_trainee, kind="assignment_new")
    assert notices.count() == len(assignments) > 0
    for notice in notices:
        number = int(notice.url.strip("/").split("/")[-1])
        assert number in assignments
        assert notice.event_key == f"assignment:{number}:assigned"
    entries = set(Entry.objects.filter(author=new_trainee).values_list("pk", flat=True))
    handed_in = Notification.objects.filter(recipient=new_supervisor, kind="entry_submitted")
    assert handed_in.exists()
    assert all(int(n.event_key.split(":")[1]) in entries for n in handed_in)
