"""Doing homework: one entry per occurrence, handed in to the supervisor, reopened with a note."""

import datetime
import re
import uuid

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from homework.models import Assignment, Reopening
from homework.selectors import due_list_for
from homework.services.entries import entry_reopen, occurrence_entry_start
from notifications.models import Notification
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory
from tests.homework.factories import make_assignment
from worksheets.library import blocks as b
from worksheets.models import Entry
from worksheets.services.entries import entry_start, entry_submit
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db


@pytest.fixture
def worksheet(db):
    template = worksheet_template_create(
        title="Urge log", body=[b.short("What did I want to do?", max_length=200)], publish=True
    )
    return template.versions.get()


def hand_in(entry, answers=None, reflection=""):
    return entry_submit(
        entry=entry,
        answers=answers if answers is not None else {"what_did_i_want_to_do": "Rescue"},
        reflection=reflection,
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )


def test_starting_twice_gives_one_entry_of_the_agreed_version(
    client, supervision, supervisee, worksheet
):
    assignment = make_assignment(supervision, worksheet_version=worksheet)
    occurrence = assignment.expected.get()
    client.force_login(supervisee)
    url = reverse("homework:occurrence_start", args=[occurrence.pk])
    first, second = client.post(url), client.post(url)
    entry = Entry.objects.get()
    assert first.url == second.url == reverse("worksheets:entry_edit", args=[entry.pk])
    assert entry.template_version == worksheet


def test_handing_in_lets_the_supervisor_read_it_and_tells_them(
    supervision, supervisor, supervisee, worksheet
):
    assignment = make_assignment(supervision, worksheet_version=worksheet)
    entry = occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee)
    assert not ClinicalPermissionChecker(supervisor).has_perm("view_entry", entry)  # a draft
    hand_in(entry)
    assert ClinicalPermissionChecker(supervisor).has_perm("view_entry", entry)
    assert Notification.objects.get(recipient=supervisor).kind == "entry_submitted"
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DONE


def test_a_free_reflection_without_a_worksheet(client, supervision, supervisee, supervisor):
    assignment = make_assignment(supervision)
    entry = occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee)
    assert entry.template_version is None and entry.title == assignment.title
    hand_in(entry, answers={}, reflection="I noticed the urge three times.")
    client.force_login(supervisor)
    page = client.get(reverse("worksheets:entry_detail", args=[entry.pk]))
    assert "I noticed the urge three times." in page.content.decode()


def test_a_daily_log_stays_active_until_every_day_is_handed_in(supervision, supervisee, worksheet):
    assignment = make_assignment(
        supervision, worksheet_version=worksheet, schedule="daily", occurrences=3
    )
    occurrences = list(assignment.expected.all())
    for occurrence in occurrences[:2]:
        hand_in(occurrence_entry_start(occurrence=occurrence, author=supervisee))
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ACTIVE
    hand_in(occurrence_entry_start(occurrence=occurrences[2], author=supervisee))
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.DONE


def test_a_day_started_but_not_handed_in_keeps_the_log_active(supervision, supervisee, worksheet):
    assignment = make_assignment(
        supervision, worksheet_version=worksheet, schedule="daily", occurrences=3
    )
    first, second, third = assignment.expected.all()
    draft = occurrence_entry_start(occurrence=second, author=supervisee)
    hand_in(occurrence_entry_start(occurrence=first, author=supervisee))
    hand_in(occurrence_entry_start(occurrence=third, author=supervisee))
    assignment.refresh_from_db()
    assert assignment.status == Assignment.Status.ACTIVE  # the second day is still a draft
    hand_in(draft)
    assignment.refresh_from_db()
    assert (assignment.status, assignment.version) == (Assignment.Status.DONE, 2)


def test_self_practice_entries_stay_private(supervision, supervisor, supervisee, worksheet):
    entry = entry_start(author=supervisee, template_version=worksheet)
    hand_in(entry)
    assert not ClinicalPermissionChecker(supervisor).has_perm("view_entry", entry)
    assert not Notification.objects.exists()


def test_nothing_new_reaches_a_supervisor_after_the_supervision_ended(
    supervision, supervisor, supervisee, worksheet
):
    assignment = make_assignment(supervision, worksheet_version=worksheet)
    entry = occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee)
    supervision_end(supervision=supervision)
    hand_in(entry)
    assert not ClinicalPermissionChecker(supervisor).has_perm("view_entry", entry)


def test_only_the_supervisee_starts_their_homework(client, supervision, supervisor, worksheet):
    assignment = make_assignment(supervision, worksheet_version=worksheet)
    url = reverse("homework:occurrence_start", args=[assignment.expected.get().pk])
    client.force_login(supervisor)
    assert client.post(url).status_code == 403
    client.force_login(UserFactory())
    assert client.post(url).status_code == 404
    assert not Entry.objects.exists()


def test_reopening_sends_it_back_with_a_note(
    client, supervision, supervisor, supervisee, worksheet
):
    assignment = make_assignment(supervision, worksheet_version=worksheet)
    entry = hand_in(occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee))
    url = reverse("homework:entry_reopen", args=[entry.pk])

    client.force_login(supervisee)
    assert client.post(url, {"note": "Mine"}).status_code == 403
    client.force_login(supervisor)
    client.post(url, {"note": ""})
    entry.refresh_from_db()
    assert entry.status == Entry.Status.SUBMITTED  # a reopening needs its note
    client.post(url, {"note": "Add what you did next."})
    # A double click (or a second tab) changes nothing more, and does not claim its note went.
    again = client.post(url, {"note": "Add what you did next."}, follow=True)
    said = [str(message) for message in again.context["messages"]]
    assert said[-1] == "This entry was already reopened for revision."
    entry.refresh_from_db()
    assert entry.status == Entry.Status.REOPENED
    assert Reopening.objects.count() == 1
    assert ClinicalPermissionChecker(supervisee).has_perm("change_entry", entry)
    assert Notification.objects.filter(recipient=supervisee, kind="entry_reopened").count() == 1

    client.force_login(supervisee)
    detail = client.get(reverse("homework:assignment_detail", args=[assignment.pk]))
    assert "Add what you did next." in detail.content.decode()
    entry = hand_in(entry, answers={"what_did_i_want_to_do": "Rescue, then wait"})
    assert entry.status == Entry.Status.SUBMITTED


def test_reopen_is_refused_for_self_practice(supervision, supervisor, supervisee, worksheet):
    entry = hand_in(entry_start(author=supervisee, template_version=worksheet))
    with pytest.raises(Exception) as error:
        entry_reopen(entry=entry, supervisor=supervisor, note="No")
    assert error.typename == "PermissionDenied"


def test_due_list_sorts_into_overdue_today_this_week_and_done(
    client, supervision, supervisee, worksheet
):
    today = timezone.localdate()
    daily = make_assignment(
        supervision, worksheet_version=worksheet, schedule="daily", occurrences=3
    )
    # Move the daily log back so its first day is past due and its second is today.
    for occurrence in daily.expected.all():
        occurrence.due_on = today + datetime.timedelta(days=occurrence.sequence - 2)
        occurrence.save()
    done = daily.expected.get(sequence=3)
    hand_in(occurrence_entry_start(occurrence=done, author=supervisee))
    due = due_list_for(supervisee, today=today)
    assert [o.sequence for o in due.overdue] == [1]
    assert [o.sequence for o in due.today] == [2]
    assert [o.sequence for o in due.done] == [3]

    client.force_login(supervisee)
    content = client.get(reverse("homework:due")).content.decode()
    assert "Past its due date (1)" in content and "Due today (1)" in content


def test_due_list_query_count_does_not_grow(client, supervision, supervisee, worksheet):
    client.force_login(supervisee)
    make_assignment(supervision, worksheet_version=worksheet)
    with CaptureQueriesContext(connection) as few:
        client.get(reverse("homework:due"))
    for index in range(39):
        assignment = make_assignment(
            supervision, title=f"Task {index}", worksheet_version=worksheet
        )
        if index % 2:
            hand_in(occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee))
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse("homework:due"))
    assert response.content.decode().count('class="due-item"') == 40
    assert len(many) == len(few)


def _due_items(client) -> list[str]:
    """Each row of "My homework", its whitespace collapsed, its CSRF token left out."""
    content = client.get(reverse("homework:due")).content.decode()
    content = re.sub(r'<input type="hidden" name="csrfmiddlewaretoken" [^>]+>', "CSRF", content)
    rows = re.findall(r'<li class="due-item">(.*?)</li>', content, flags=re.S)
    return [re.sub(r"\s+", " ", re.sub(r"\s*(<|>)\s*", r"\1", row)).strip() for row in rows]


def test_each_due_row_names_its_homework_its_date_and_the_next_thing_to_do(
    client, supervision, supervisor, supervisee, worksheet
):
    today = timezone.localdate()
    daily = make_assignment(
        supervision,
        title="Urges & <triggers>",
        worksheet_version=worksheet,
        schedule="daily",
        occurrences=3,
    )
    first, second, third = daily.expected.order_by("sequence")
    for occurrence, days in ((first, 0), (second, 1), (third, 2)):
        occurrence.due_on = today + datetime.timedelta(days=days)
        occurrence.save()
    occurrence_entry_start(occurrence=second, author=supervisee)  # a draft: Continue
    handed_in = hand_in(occurrence_entry_start(occurrence=third, author=supervisee))
    client.force_login(supervisee)
    rows = _due_items(client)
    detail = reverse("homework:assignment_detail", args=[daily.pk])
    label = "Urges &amp; &lt;triggers&gt;"

    def due(day):
        return f"{day:%A} {day.day} {day:%B}"

    def start(occurrence, word):
        action = reverse("homework:occurrence_start", args=[occurrence.pk])
        hidden = f"{label}, due {occurrence.due_on.day} {occurrence.due_on:%B}"
        return (
            f'<form method="post" action="{action}">CSRF<button type="submit" '
            f'class="button button--primary">{word}<span class="visually-hidden">{hidden}'
            "</span></button></form>"
        )

    meta = f'<p class="muted due-item__meta">Due {{}} · from {supervisor.name}</p></div>'
    assert rows == [
        f'<div><a href="{detail}">{label}</a><span class="muted">(1 of 3)</span>'
        + meta.format(due(first.due_on))
        + start(first, "Start"),
        f'<div><a href="{detail}">{label}</a><span class="muted">(2 of 3)</span>'
        + meta.format(due(second.due_on))
        + start(second, "Continue"),
        f'<div><a href="{detail}">{label}</a><span class="muted">(3 of 3)</span>'
        + meta.format(due(third.due_on))
        + f'<a class="button" href="{reverse("worksheets:entry_detail", args=[handed_in.pk])}">'
        f'Read<span class="visually-hidden">{label}</span></a>',
    ]

    entry_reopen(entry=handed_in, supervisor=supervisor, note="Say more")
    assert _due_items(client)[2].endswith(start(third, "Revise"))

    supervision_end(supervision=supervision)
    rows = _due_items(client)
    ended = timezone.localdate()
    ended_meta = meta.replace(
        "</p>", f" · supervision ended {ended.day} {ended:%B} {ended.year}</p>"
    )
    second.refresh_from_db()
    assert rows[0].endswith(ended_meta.format(due(first.due_on)))  # nothing more to do
    assert rows[1].endswith(
        ended_meta.format(due(second.due_on))
        + f'<a class="button" href="{reverse("worksheets:entry_detail", args=[second.entry_id])}">'
        f'Your draft<span class="visually-hidden">of {label}</span></a>'
    )


def test_the_entry_state_says_when_feedback_was_released(
    client, supervision, supervisor, supervisee, worksheet
):
    from feedback.services import feedback_create, feedback_release

    assignment = make_assignment(supervision, worksheet_version=worksheet)
    entry = hand_in(occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee))
    detail = reverse("homework:assignment_detail", args=[assignment.pk])
    client.force_login(supervisee)
    assert "Submitted" in client.get(detail).content.decode()
    feedback_release(
        feedback=feedback_create(entry=entry, author=supervisor, body="Good start."),
        releaser=supervisor,
    )
    assert "Feedback released" in client.get(detail).content.decode()


def test_homework_of_an_ended_supervision_reads_as_ended_with_no_refused_action(
    client, supervision, supervisee, worksheet
):
    """Issue 10, item 8: no "Due today" and no "Start" that leads to a 403 after the end."""
    today = timezone.localdate()
    not_started = make_assignment(supervision, title="Never started", worksheet_version=worksheet)
    not_started.expected.update(due_on=today)
    drafted = make_assignment(supervision, title="Half done", worksheet_version=worksheet)
    draft = occurrence_entry_start(occurrence=drafted.expected.get(), author=supervisee)
    supervision_end(supervision=supervision)

    due = due_list_for(supervisee, today=today)
    assert not due.open_count
    assert {o.assignment.title for o in due.ended} == {"Never started", "Half done"}
    client.force_login(supervisee)
    content = client.get(reverse("homework:due")).content.decode()
    assert "Due today" not in content
    assert "From supervisions that have ended (2)" in content
    assert reverse("homework:occurrence_start", args=[not_started.expected.get().pk]) not in content
    assert reverse("worksheets:entry_detail", args=[draft.pk]) in content
    reading = client.get(reverse("worksheets:entry_detail", args=[draft.pk]), follow=True)
    assert reading.status_code == 200  # what was written stays the author's
    detail = client.get(reverse("homework:assignment_detail", args=[not_started.pk]))
    assert "occurrence_start" not in detail.content.decode()
    assert "Not started before the supervision ended." in detail.content.decode()


def test_a_reopened_entry_keeps_what_was_handed_in_and_its_feedback(
    client, supervision, supervisor, supervisee, worksheet
):
    """Issue 10, item 1: discarding on the reopened entry's page never deletes the hand-in."""
    from feedback.models import Feedback, FeedbackReply
    from feedback.services import feedback_create, feedback_release, feedback_reply

    assignment = make_assignment(supervision, worksheet_version=worksheet)
    occurrence = assignment.expected.get()
    entry = hand_in(occurrence_entry_start(occurrence=occurrence, author=supervisee))
    comment = feedback_create(entry=entry, author=supervisor, body="Good noticing.")
    feedback_release(feedback=comment, releaser=supervisor)
    feedback_reply(feedback=comment, author=supervisee, body="Thank you.")
    entry_reopen(entry=entry, supervisor=supervisor, note="Add the second situation.")

    client.force_login(supervisee)
    edit = client.get(reverse("worksheets:entry_edit", args=[entry.pk])).content.decode()
    assert "Delete this draft" not in edit
    assert "Discard changes since you handed it in" in edit
    # The page says who reopened it and why, and exactly who will read the revision.
    assert f"Reopened by {supervisor.name}" in edit
    assert "Add the second situation." in edit
    assert f"{supervisor.name} (your supervisor) can read what you handed in before" in edit
    assert "It stays private to you until you share it" not in edit
    entry.refresh_from_db()
    changed = {"what_did_i_want_to_do": "Rescue, then step back"}
    Entry.objects.filter(pk=entry.pk).update(answers=changed)  # typed, not yet handed in
    response = client.post(reverse("worksheets:entry_discard", args=[entry.pk]))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.get_data() == {"what_did_i_want_to_do": "Rescue"}
    assert entry.status == Entry.Status.REOPENED
    occurrence.refresh_from_db()
    assert occurrence.entry_id == entry.pk
    assert Feedback.objects.filter(entry=entry).count() == 1
    assert FeedbackReply.objects.count() == 1

    # Handed in again: both hand-ins are kept, and the reader sees what changed.
    entry = hand_in(entry, answers=changed)
    assert list(entry.submissions.values_list("number", flat=True)) == [1, 2]
    client.force_login(supervisor)
    page = client.get(reverse("worksheets:entry_detail", args=[entry.pk])).content.decode()
    assert "Revised after it was reopened" in page and "changed What did I want to do?" in page


def test_a_draft_never_handed_in_can_still_be_deleted(client, supervision, supervisee, worksheet):
    occurrence = make_assignment(supervision, worksheet_version=worksheet).expected.get()
    entry = occurrence_entry_start(occurrence=occurrence, author=supervisee)
    client.force_login(supervisee)
    edit = client.get(reverse("worksheets:entry_edit", args=[entry.pk])).content.decode()
    assert "Delete this draft" in edit
    assert "Reopened by" not in edit
    assert f"When you submit, {supervision.supervisor.name} (your supervisor) can read" in edit
    client.post(reverse("worksheets:entry_discard", args=[entry.pk]))
    assert not Entry.objects.filter(pk=entry.pk).exists()


def test_a_recording_analysis_is_handed_in_only_with_its_recording(
    supervision, supervisor, supervisee, worksheet
):
    """Issue 14, item 5: the self-review goes to the supervisor together with the recording."""
    from django.core.exceptions import ValidationError

    from recordings.models import Recording
    from tests.recordings.conftest import make_recording

    assignment = make_assignment(supervision, worksheet_version=worksheet, category="recording")
    entry = occurrence_entry_start(occurrence=assignment.expected.get(), author=supervisee)
    with pytest.raises(ValidationError, match="upload the recording"):
        hand_in(entry)
    entry.refresh_from_db()
    assert entry.status == Entry.Status.DRAFT
    assert not ClinicalPermissionChecker(supervisor).has_perm("view_entry", entry)

    recording = make_recording(supervision, entry=entry)
    entry = hand_in(entry)
    assert entry.status == Entry.Status.SUBMITTED
    recording = Recording.objects.get(pk=recording.pk)
    assert recording.handed_in_at is not None
