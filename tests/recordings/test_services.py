"""Recording services: creating, handing in, comments by review mode, deletion and retention."""

import datetime
import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from notifications.models import Notification
from recordings import services
from recordings.models import (
    Recording,
    RecordingComment,
    RecordingCommentReply,
    RecordingDeletion,
    RecordingUpload,
)
from recordings.selectors import comments_visible_to
from supervision.models import Meeting
from supervision.permissions import ClinicalPermissionChecker
from supervision.services.relationships import supervision_end
from tests.factories import UserFactory, make_group, make_meeting, make_supervision
from tests.recordings.conftest import WAV, make_recording

pytestmark = pytest.mark.django_db


def perms(user, recording) -> set[str]:
    checker = ClinicalPermissionChecker(user)
    return {
        perm
        for perm in ("view_recording", "review_recording", "rate_recording", "delete_recording")
        if checker.has_perm(perm, recording)
    }


def test_a_new_recording_is_its_owners_alone_until_handed_in(supervision, administrator):
    recording = make_recording(supervision)
    assert recording.duration_seconds == pytest.approx(4.0)
    assert recording.content_type == "audio/wav"
    assert recording.file.read() == WAV
    assert not RecordingUpload.objects.exists()
    assert perms(supervision.supervisor, recording) == set()
    assert perms(administrator, recording) == set()
    services.recording_hand_in(recording=recording, actor=supervision.supervisee)
    assert perms(supervision.supervisor, recording) == {
        "view_recording",
        "review_recording",
        "rate_recording",
    }
    assert Notification.objects.filter(recipient=supervision.supervisor).count() == 1
    services.recording_hand_in(recording=recording, actor=supervision.supervisee)
    assert Notification.objects.filter(recipient=supervision.supervisor).count() == 1


def create_from_upload(supervision, upload_owner_supervision, **changes):
    """recording_create with valid details but for ``changes``; returns the upload too."""
    owner = upload_owner_supervision.supervisee
    upload = services.recording_upload_store(owner=owner, file_name="a.wav", handle=io.BytesIO(WAV))
    details = {
        "kind": Recording.Kind.THERAPY,
        "description": "x",
        "consent_by": "The patient",
        "consent_method": Recording.ConsentMethod.WRITTEN,
        "consent_on": timezone.localdate(),
        "consent_use": "Supervision",
        "delete_by": services.default_delete_by(),
        **changes,
    }
    with pytest.raises(ValidationError) as raised:
        services.recording_create(owner=owner, upload=upload, supervision=supervision, **details)
    return raised.value, upload


def test_bad_details_store_nothing(supervision):
    error, upload = create_from_upload(
        supervision, supervision, delete_by=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert "delete_by" in error.message_dict
    assert not Recording.objects.exists()
    assert RecordingUpload.objects.filter(pk=upload.pk).exists()


def test_delete_by_beyond_the_maximum_is_refused(supervision, settings):
    settings.RECORDING_MAX_KEEP_DAYS = 30
    with pytest.raises(ValidationError, match="at most 30 days"):
        make_recording(supervision, delete_by=timezone.localdate() + datetime.timedelta(days=31))


def test_someone_elses_supervision_is_refused(supervision):
    other = make_supervision(UserFactory(), UserFactory())
    error, _upload = create_from_upload(other, supervision)
    assert "supervision" in error.message_dict


def test_content_that_is_not_media_is_refused(supervision):
    with pytest.raises(ValidationError, match="not an audio or video"):
        services.recording_upload_store(
            owner=supervision.supervisee, file_name="a.mp3", handle=io.BytesIO(b"%PDF-1.4" * 200)
        )
    assert not RecordingUpload.objects.exists()


def test_comment_time_beyond_the_end_is_refused(supervision):
    recording = make_recording(supervision, handed_in=True)
    with pytest.raises(ValidationError) as raised:
        services.comment_create(
            recording=recording, author=supervision.supervisor, seconds=9, body="Late."
        )
    assert "0:04" in raised.value.message_dict["seconds"][0]
    assert not RecordingComment.objects.exists()


def test_comments_are_drafts_until_released_and_replies_notify(supervision):
    recording = make_recording(supervision, handed_in=True)
    supervisor, owner = supervision.supervisor, supervision.supervisee
    comment = services.comment_create(
        recording=recording, author=supervisor, seconds=1.5, body="Good start."
    )
    assert list(comments_visible_to(owner, recording)) == []
    assert services.comments_release(recording=recording, releaser=supervisor) == 1
    assert services.comments_release(recording=recording, releaser=supervisor) == 0
    assert list(comments_visible_to(owner, recording)) == [comment]
    services.comment_reply(comment=comment, author=owner, body="Thanks.")
    assert RecordingCommentReply.objects.count() == 1
    assert Notification.objects.filter(recipient=supervisor, kind="reply_received").exists()


def test_the_owners_self_review_goes_with_the_hand_in(supervision):
    recording = make_recording(supervision)
    own = services.comment_create(
        recording=recording, author=supervision.supervisee, seconds=1, body="I rushed here."
    )
    assert list(comments_visible_to(supervision.supervisor, recording)) == []
    services.recording_hand_in(recording=recording, actor=supervision.supervisee)
    assert list(comments_visible_to(supervision.supervisor, recording)) == [own]


@pytest.fixture
def group_world(db):
    supervisor = UserFactory()
    owner, peer, third = UserFactory(), UserFactory(), UserFactory()
    group = make_group(supervisor, [owner, peer, third])
    supervision = group.memberships.get(supervisee=owner)
    recording = make_recording(supervision, handed_in=True)
    return {
        "supervisor": supervisor,
        "owner": owner,
        "peer": peer,
        "third": third,
        "recording": recording,
    }


def test_private_review_keeps_peers_out(group_world):
    recording, peer = group_world["recording"], group_world["peer"]
    assert perms(peer, recording) == set()
    with pytest.raises(PermissionDenied):
        services.comment_create(recording=recording, author=peer, seconds=1, body="Hi")


def test_closed_peer_review_shows_peer_comments_to_owner_and_supervisor_only(group_world):
    w = group_world
    w["recording"] = services.recording_review_mode_set(
        recording=w["recording"], mode=Recording.ReviewMode.CLOSED, actor=w["supervisor"]
    )
    assert perms(w["peer"], w["recording"]) == {"view_recording", "review_recording"}
    by_peer = services.comment_create(
        recording=w["recording"], author=w["peer"], seconds=1, body="Nice pacing."
    )
    services.comments_release(recording=w["recording"], releaser=w["peer"])
    by_third = services.comment_create(
        recording=w["recording"], author=w["third"], seconds=2, body="Agreed."
    )
    services.comments_release(recording=w["recording"], releaser=w["third"])
    assert set(comments_visible_to(w["owner"], w["recording"])) == {by_peer, by_third}
    assert set(comments_visible_to(w["supervisor"], w["recording"])) == {by_peer, by_third}
    assert list(comments_visible_to(w["peer"], w["recording"])) == [by_peer]


def test_open_peer_review_shows_every_released_comment_and_private_takes_it_back(group_world):
    w = group_world
    w["recording"] = services.recording_review_mode_set(
        recording=w["recording"], mode=Recording.ReviewMode.OPEN, actor=w["supervisor"]
    )
    by_third = services.comment_create(
        recording=w["recording"], author=w["third"], seconds=2, body="Agreed."
    )
    services.comments_release(recording=w["recording"], releaser=w["third"])
    assert list(comments_visible_to(w["peer"], w["recording"])) == [by_third]
    services.recording_review_mode_set(
        recording=w["recording"], mode=Recording.ReviewMode.PRIVATE, actor=w["supervisor"]
    )
    assert perms(w["peer"], w["recording"]) == set()


def test_only_the_supervisor_chooses_the_mode_and_only_in_a_group(group_world, supervision):
    w = group_world
    with pytest.raises(PermissionDenied):
        services.recording_review_mode_set(
            recording=w["recording"], mode=Recording.ReviewMode.OPEN, actor=w["owner"]
        )
    individual = make_recording(supervision, handed_in=True)
    with pytest.raises(ValidationError):
        services.recording_review_mode_set(
            recording=individual, mode=Recording.ReviewMode.OPEN, actor=supervision.supervisor
        )


def test_ending_the_supervision_stops_reviewing_but_not_reading(supervision):
    recording = make_recording(supervision, handed_in=True)
    supervision_end(supervision=supervision, ended_on=timezone.localdate(), actor=None)
    assert perms(supervision.supervisor, recording) == {"view_recording"}


def test_the_owner_deletes_file_and_comments_and_the_deletion_is_recorded(
    supervision, django_capture_on_commit_callbacks
):
    recording = make_recording(supervision, handed_in=True)
    services.comment_create(recording=recording, author=supervision.supervisor, seconds=1, body="x")
    storage, name = recording.file.storage, recording.file.name
    with pytest.raises(PermissionDenied):
        services.recording_delete(recording=recording, actor=supervision.supervisor)
    with django_capture_on_commit_callbacks(execute=True):
        services.recording_delete(recording=recording, actor=supervision.supervisee)
    assert not Recording.objects.exists() and not RecordingComment.objects.exists()
    assert not storage.exists(name)
    deletion = RecordingDeletion.objects.get()
    assert deletion.reason == "owner" and deletion.comments_deleted == 1


def test_retention_deletes_on_the_date_and_warns_a_week_ahead(
    supervision, django_capture_on_commit_callbacks
):
    today = timezone.localdate()
    expiring = make_recording(supervision, handed_in=True)
    soon = make_recording(supervision)
    later = make_recording(supervision)
    services.comment_create(recording=expiring, author=supervision.supervisor, seconds=1, body="x")
    Recording.objects.filter(pk=expiring.pk).update(delete_by=today)
    Recording.objects.filter(pk=soon.pk).update(delete_by=today + datetime.timedelta(days=5))
    name = expiring.file.name
    with django_capture_on_commit_callbacks(execute=True):
        outcome = services.recordings_retention(today=today)
    assert outcome == {"deleted": 1, "warned": 1, "uploads_removed": 0}
    assert set(Recording.objects.values_list("pk", flat=True)) == {soon.pk, later.pk}
    assert not RecordingComment.objects.exists()
    assert not expiring.file.storage.exists(name)
    assert RecordingDeletion.objects.get().reason == "expired"
    warning = Notification.objects.get(recipient=supervision.supervisee, kind="recording_expiring")
    assert "deleted on" in warning.summary
    # A second run the same day neither deletes nor warns again.
    assert services.recordings_retention(today=today) == {
        "deleted": 0,
        "warned": 0,
        "uploads_removed": 0,
    }


def test_retention_removes_abandoned_uploads(supervision):
    upload = services.recording_upload_store(
        owner=supervision.supervisee, file_name="a.wav", handle=io.BytesIO(WAV)
    )
    RecordingUpload.objects.filter(pk=upload.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    assert services.recordings_retention()["uploads_removed"] == 1
    assert not RecordingUpload.objects.exists()


def test_linking_a_meeting_counts_it_as_observation(supervision):
    recording = make_recording(supervision, handed_in=True)
    meeting = make_meeting(supervision)
    assert meeting.observation == Meeting.Observation.NONE
    services.recording_meeting_link(
        recording=recording, meeting=meeting, actor=supervision.supervisor
    )
    meeting.refresh_from_db()
    assert meeting.observation == Meeting.Observation.RECORDED
    assert list(recording.meetings.all()) == [meeting]


def test_a_rating_of_someone_you_do_not_supervise_is_refused(supervision):
    from worksheets.models import TemplateVersion

    recording = make_recording(supervision, handed_in=True)
    stranger = UserFactory()
    with pytest.raises(PermissionDenied):
        services.recording_rating_start(
            recording=recording,
            rater=stranger,
            template_version=TemplateVersion(),
        )


def test_an_entry_handed_in_hands_in_its_waiting_recordings_and_no_others(supervision):
    """``recordings_entry_submitted``'s hand-written read: the entry's recordings not handed in."""
    from worksheets.models import Entry
    from worksheets.services.entries import entry_start

    entry = entry_start(author=supervision.supervisee, template_version=None, title="Review")
    other = entry_start(author=supervision.supervisee, template_version=None, title="Other")
    waiting = [make_recording(supervision, entry=entry) for _ in range(2)]
    earlier = make_recording(supervision, entry=entry, handed_in=True)
    elsewhere = make_recording(supervision, entry=other)
    services.recordings_entry_submitted(entry=Entry(pk=entry.pk))
    handed_in = Recording.objects.filter(handed_in_at__isnull=False)
    assert set(handed_in) == {*waiting, earlier}
    assert handed_in.get(pk=earlier.pk).handed_in_at == earlier.handed_in_at  # not again
    assert not Recording.objects.get(pk=elsewhere.pk).is_handed_in
