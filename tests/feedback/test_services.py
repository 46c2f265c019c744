"""Feedback services: who may comment, bad input refused whole, release once, history, locking, replies."""

import datetime
import uuid
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from feedback.models import Feedback, FeedbackReply, FeedbackRevision
from feedback.permissions import may_give_feedback
from feedback.selectors import threads_for_entry
from feedback.services import (
    FeedbackConflict,
    feedback_create,
    feedback_discard,
    feedback_release,
    feedback_release_all,
    feedback_reply,
    feedback_update,
)
from notifications.models import Notification
from supervision.attachments import private_storage
from supervision.permissions import ClinicalPermissionChecker, grant
from supervision.services.relationships import supervision_end
from supervision.viewer import Viewer
from tests.factories import UserFactory, make_supervision
from tests.feedback.conftest import PNG_BYTES, pdf
from worksheets.models import Entry
from worksheets.services.entries import entry_sharing_set

pytestmark = pytest.mark.django_db


class BigUpload(SimpleUploadedFile):
    """Claims a size without holding that many bytes in memory."""

    def __init__(self, name, content, size):
        super().__init__(name, content)
        self.size = size


def notices(kind=Notification.Kind.FEEDBACK_RELEASED):
    return Notification.objects.filter(kind=kind)


def stored_files() -> list[Path]:
    root = Path(private_storage().location)
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


# --- Who may comment ---------------------------------------------------------------------


def test_the_supervisor_comments_on_one_answer_as_a_draft_only_they_see(
    entry, supervisor, supervisee
):
    feedback = feedback_create(
        entry=entry, author=supervisor, body="  Good detail here.  ", anchor="what_happened"
    )
    assert feedback.is_draft and feedback.released_at is None
    assert feedback.body == "Good detail here."
    assert ClinicalPermissionChecker(supervisor).has_perm("change_feedback", feedback)
    assert threads_for_entry(entry, supervisor) == {"what_happened": [feedback]}
    assert threads_for_entry(entry, supervisee) == {}
    assert not notices().exists()


@pytest.mark.parametrize(
    "who",
    ["supervisee", "other_supervisor", "grand_supervisor", "course_editor", "administrator"],
)
def test_nobody_but_the_supervisor_may_comment(request, entry, who):
    person = request.getfixturevalue(who)
    with pytest.raises(PermissionDenied):
        feedback_create(entry=entry, author=person, body="Not mine to say.")
    assert not Feedback.objects.exists()


def test_a_supervisor_the_entry_was_not_shared_with_may_not_comment(
    make_entry, supervisor, supervision
):
    private = make_entry()
    with pytest.raises(PermissionDenied):
        feedback_create(entry=private, author=supervisor, body="I cannot even read this.")


def test_an_administrator_who_supervises_is_checked_like_anyone(make_entry, administrator):
    # A superuser gets no shortcut: without the entry shared with them they cannot comment.
    trainee = UserFactory()
    make_supervision(administrator, trainee)
    private = make_entry(author=trainee)
    with pytest.raises(PermissionDenied):
        feedback_create(entry=private, author=administrator, body="Superuser shortcut?")


def test_a_grand_supervisor_with_read_access_still_may_not_comment(entry, grand_supervisor):
    # Even if the entry were readable one level up, only the author's own supervisor comments.
    grant(grand_supervisor, ["view_entry"], entry)
    assert not may_give_feedback(Viewer(grand_supervisor), entry)


def test_comments_only_on_submitted_entries(entry, supervisor):
    Entry.objects.filter(pk=entry.pk).update(status=Entry.Status.REOPENED)
    with pytest.raises(PermissionDenied):
        feedback_create(entry=entry, author=supervisor, body="Too early.")


def test_a_former_supervisor_comments_on_what_was_submitted_during_the_supervision(
    entry, supervisor, supervision
):
    Entry.objects.filter(pk=entry.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=3)
    )
    entry.refresh_from_db()
    supervision_end(
        supervision=supervision, ended_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert feedback_create(entry=entry, author=supervisor, body="Late, but here it is.")


def test_a_former_supervisor_may_not_comment_on_what_came_after(
    make_entry, supervisor, supervision
):
    later = make_entry()
    supervision_end(
        supervision=supervision, ended_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    # Even with read access (shared while the relationship lasted), the entry came afterwards.
    Entry.objects.filter(pk=later.pk).update(submitted_at=timezone.now())
    grant(supervisor, ["view_entry"], later)
    later.refresh_from_db()
    with pytest.raises(PermissionDenied):
        feedback_create(entry=later, author=supervisor, body="Not my supervisee any more.")


# --- Bad input: refused with a message, nothing saved -----------------------------------


def test_an_empty_comment_is_refused(entry, supervisor):
    with pytest.raises(ValidationError) as caught:
        feedback_create(entry=entry, author=supervisor, body="   ")
    assert caught.value.message_dict["body"] == ["Write the comment before saving it."]
    assert not Feedback.objects.exists()


def test_a_question_that_is_not_in_the_worksheet_is_refused(entry, supervisor):
    with pytest.raises(ValidationError) as caught:
        feedback_create(entry=entry, author=supervisor, body="Hm.", anchor="no_such_question")
    assert "not part of this worksheet" in caught.value.message_dict["anchor"][0]
    assert not Feedback.objects.exists()


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (BigUpload("big.pdf", b"%PDF-1.4", 20 * 1024 * 1024 + 1), "at most 20 MB"),
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "cannot be attached"),
        (SimpleUploadedFile("fake.pdf", PNG_BYTES), "does not match"),
    ],
    ids=["too-big", "wrong-type", "content-mismatch"],
)
def test_a_bad_attachment_is_refused_and_nothing_is_stored(
    entry, supervisor, settings, upload, message
):
    with pytest.raises(ValidationError) as caught:
        feedback_create(entry=entry, author=supervisor, body="See the file.", attachment=upload)
    assert message in caught.value.message_dict["attachment"][0]
    assert not Feedback.objects.exists()
    assert stored_files() == []


def test_every_problem_is_reported_at_once(entry, supervisor):
    with pytest.raises(ValidationError) as caught:
        feedback_create(
            entry=entry,
            author=supervisor,
            body="",
            attachment=SimpleUploadedFile("run.exe", b"MZ"),
        )
    assert set(caught.value.message_dict) == {"body", "attachment"}


def test_an_attachment_is_stored_privately(entry, supervisor, settings):
    feedback = feedback_create(entry=entry, author=supervisor, body="See file.", attachment=pdf())
    assert feedback.attachment_name == "notes.pdf"
    assert feedback.attachment_type == "application/pdf"
    path = stored_files()[0]
    assert settings.MEDIA_ROOT not in path.parents
    with pytest.raises(ValueError):
        feedback.attachment.url  # noqa: B018 - there is no public URL to give


def test_double_submit_creates_one_comment(entry, supervisor):
    token = uuid.uuid4()
    first = feedback_create(entry=entry, author=supervisor, body="Once.", client_token=token)
    second = feedback_create(entry=entry, author=supervisor, body="Once.", client_token=token)
    assert first.pk == second.pk
    assert Feedback.objects.count() == 1


# --- Release --------------------------------------------------------------------------------


def test_release_lets_the_author_read_it_and_tells_them_once(
    make_feedback, supervisor, supervisee, entry
):
    feedback = make_feedback(anchor="how_upset_was_i")
    released = feedback_release(feedback=feedback, releaser=supervisor)
    again = feedback_release(feedback=feedback, releaser=supervisor)
    assert released.is_released and released.released_at
    assert again.released_at == released.released_at
    assert threads_for_entry(entry, supervisee) == {"how_upset_was_i": [released]}
    notice = notices().get()
    assert notice.recipient == supervisee and notice.actor == supervisor
    assert notice.url.endswith(f"/feedback/entries/{entry.pk}/#feedback-{feedback.pk}")
    assert "A thoughtful comment" not in notice.summary  # notices never carry the content


def test_released_feedback_can_no_longer_be_deleted(make_feedback, supervisor):
    feedback = make_feedback(released=True)
    with pytest.raises(ValidationError):
        feedback_discard(feedback=feedback, discarder=supervisor)
    assert Feedback.objects.filter(pk=feedback.pk).exists()


def test_only_the_supervisor_who_wrote_it_releases_it(make_feedback, other_supervisor, supervisee):
    feedback = make_feedback()
    for person in (other_supervisor, supervisee):
        with pytest.raises(PermissionDenied):
            feedback_release(feedback=feedback, releaser=person)
    assert Feedback.objects.get().is_draft


def test_release_all_releases_every_draft_with_one_notice(
    make_feedback, entry, supervisor, supervisee
):
    drafts = [make_feedback(anchor="what_happened"), make_feedback(), make_feedback()]
    already = make_feedback(released=True)
    released = feedback_release_all(entry=entry, releaser=supervisor)
    assert {f.pk for f in released} == {d.pk for d in drafts}
    assert Feedback.objects.filter(status=Feedback.Status.DRAFT).count() == 0
    assert notices().count() == 2  # one for the earlier single release, one for these three
    assert "3 comments" in notices().order_by("-pk").first().summary
    assert feedback_release_all(entry=entry, releaser=supervisor) == []
    assert notices().count() == 2
    assert len(threads_for_entry(entry, supervisee)[""]) == 3
    assert already.pk not in {f.pk for f in released}


def test_release_all_leaves_other_supervisors_drafts_alone(
    make_feedback, entry, supervisor, supervisee
):
    second = UserFactory(display_name="Second Supervisor")
    make_supervision(second, supervisee)
    entry_sharing_set(entry=entry, supervisors=[supervisor, second], allowed=[supervisor, second])
    theirs = make_feedback(author=second)
    mine = make_feedback()
    feedback_release_all(entry=entry, releaser=supervisor)
    assert Feedback.objects.get(pk=theirs.pk).is_draft
    assert Feedback.objects.get(pk=mine.pk).is_released
    # Each supervisor sees their own comments; the author sees what was released.
    assert threads_for_entry(entry, supervisor) == {"": [mine]}
    assert threads_for_entry(entry, supervisee) == {"": [mine]}


# --- Editing: history once released, optimistic locking ----------------------------------


def test_editing_a_draft_keeps_no_history(make_feedback, supervisor):
    feedback = make_feedback(body="First try.")
    updated = feedback_update(
        feedback=feedback, editor=supervisor, body="Second try.", expected_version=1
    )
    assert updated.body == "Second try." and updated.version == 2
    assert not FeedbackRevision.objects.exists()
    assert updated.edited_at is None


def test_editing_released_feedback_keeps_the_earlier_text(make_feedback, supervisor):
    feedback = make_feedback(body="Version one.", released=True)
    first = feedback_update(
        feedback=feedback, editor=supervisor, body="Version two.", expected_version=feedback.version
    )
    second = feedback_update(
        feedback=first, editor=supervisor, body="Version three.", expected_version=first.version
    )
    assert second.body == "Version three." and second.edited_at
    history = list(second.revisions.order_by("edited_at", "pk"))
    assert [r.previous_body for r in history] == ["Version one.", "Version two."]
    assert all(r.edited_by == supervisor and r.edited_at for r in history)


def test_saving_unchanged_text_changes_nothing(make_feedback, supervisor):
    feedback = make_feedback(released=True)
    same = feedback_update(
        feedback=feedback, editor=supervisor, body=feedback.body, expected_version=feedback.version
    )
    assert same.version == feedback.version
    assert not FeedbackRevision.objects.exists()


def test_replacing_an_attachment_keeps_the_old_one_in_the_history(
    make_feedback, entry, supervisor, settings
):
    feedback = feedback_release(
        feedback=feedback_create(entry=entry, author=supervisor, body="File.", attachment=pdf()),
        releaser=supervisor,
    )
    updated = feedback_update(
        feedback=feedback,
        editor=supervisor,
        body="File.",
        expected_version=feedback.version,
        attachment=pdf("better.pdf"),
    )
    revision = updated.revisions.get()
    assert updated.attachment_name == "better.pdf"
    assert revision.previous_attachment_name == "notes.pdf"
    assert revision.previous_attachment.storage.exists(revision.previous_attachment.name)
    assert len(stored_files()) == 2


def test_two_tabs_editing_the_same_comment_the_stale_one_is_refused(make_feedback, supervisor):
    feedback = make_feedback(body="Original.", released=True)
    opened_at = feedback.version
    feedback_update(
        feedback=feedback, editor=supervisor, body="From tab one.", expected_version=opened_at
    )
    with pytest.raises(FeedbackConflict) as caught:
        feedback_update(
            feedback=feedback, editor=supervisor, body="From tab two.", expected_version=opened_at
        )
    assert caught.value.feedback.body == "From tab one."
    assert Feedback.objects.get().body == "From tab one."
    assert FeedbackRevision.objects.count() == 1


def test_only_the_supervisor_who_wrote_it_edits_it(make_feedback, supervisee, other_supervisor):
    feedback = make_feedback(released=True)
    for person in (supervisee, other_supervisor):
        with pytest.raises(PermissionDenied):
            feedback_update(
                feedback=feedback,
                editor=person,
                body="Mine now.",
                expected_version=feedback.version,
            )


def test_discarding_a_draft_removes_its_file(
    entry, supervisor, settings, django_capture_on_commit_callbacks
):
    feedback = feedback_create(entry=entry, author=supervisor, body="Oops.", attachment=pdf())
    with django_capture_on_commit_callbacks(execute=True):
        feedback_discard(feedback=feedback, discarder=supervisor)
    assert not Feedback.objects.exists()
    assert stored_files() == []


# --- Replies ---------------------------------------------------------------------------------


def test_replies_build_a_thread_and_each_notifies_the_other_person(
    make_feedback, supervisor, supervisee
):
    feedback = make_feedback(released=True)
    first = feedback_reply(feedback=feedback, author=supervisee, body="What would you change?")
    second = feedback_reply(feedback=feedback, author=supervisor, body="The second column.")
    assert list(feedback.replies.all()) == [first, second]
    replies = notices(Notification.Kind.REPLY_RECEIVED).order_by("pk")
    assert [(n.recipient, n.actor) for n in replies] == [
        (supervisor, supervisee),
        (supervisee, supervisor),
    ]


def test_a_reply_to_unreleased_feedback_is_refused(make_feedback, supervisor, supervisee):
    feedback = make_feedback()
    with pytest.raises(ValidationError) as caught:
        feedback_reply(feedback=feedback, author=supervisor, body="Early.")
    assert "once this comment has been released" in caught.value.messages[0]
    with pytest.raises(PermissionDenied):
        feedback_reply(feedback=feedback, author=supervisee, body="I should not see this.")
    assert not FeedbackReply.objects.exists()
    assert not notices(Notification.Kind.REPLY_RECEIVED).exists()


def test_nobody_outside_the_pair_replies(make_feedback, grand_supervisor, administrator):
    feedback = make_feedback(released=True)
    for person in (grand_supervisor, administrator):
        with pytest.raises(PermissionDenied):
            feedback_reply(feedback=feedback, author=person, body="Let me add something.")


def test_an_empty_reply_is_refused_and_a_double_submit_sends_one(make_feedback, supervisee):
    feedback = make_feedback(released=True)
    with pytest.raises(ValidationError):
        feedback_reply(feedback=feedback, author=supervisee, body="  ")
    token = uuid.uuid4()
    feedback_reply(feedback=feedback, author=supervisee, body="Thanks.", client_token=token)
    feedback_reply(feedback=feedback, author=supervisee, body="Thanks.", client_token=token)
    assert FeedbackReply.objects.count() == 1
    assert notices(Notification.Kind.REPLY_RECEIVED).count() == 1
