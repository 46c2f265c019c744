"""Recording pages: what each person sees, bad input kept beside its field, query counts."""

import pytest
from django.urls import reverse

from recordings import services
from recordings.models import RecordingComment
from tests.recordings.conftest import make_recording
from tests.worksheets.conftest import SMALL_BODY, submit
from worksheets.services.entries import entry_start
from worksheets.services.templates import worksheet_template_create

pytestmark = pytest.mark.django_db


def test_a_comment_beyond_the_end_is_refused_beside_the_field_and_kept(client, supervision):
    recording = make_recording(supervision, handed_in=True)
    client.force_login(supervision.supervisor)
    response = client.post(
        reverse("recordings:comment_add", args=[recording.pk]),
        {
            "seconds": "99",
            "body": "Too late to say this.",
            "submission_key": "7a0e0c3e-2f86-4b0e-8d1f-1a1c1a1a1a1a",
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "only 0:04 long" in html and "Too late to say this." in html
    assert not RecordingComment.objects.exists()


def test_the_owners_early_self_review_reaches_the_supervisor(client, supervision):
    recording = make_recording(supervision)
    services.comment_create(
        recording=recording, author=supervision.supervisee, seconds=2, body="I hesitated."
    )
    services.recording_hand_in(recording=recording, actor=supervision.supervisee)
    client.force_login(supervision.supervisor)
    html = client.get(reverse("recordings:detail", args=[recording.pk])).content.decode()
    assert "I hesitated." in html and 'data-seek="2.0"' in html


def test_submitting_the_self_review_hands_in_its_recording(client, supervision):
    template = worksheet_template_create(title="Recording analysis", body=SMALL_BODY, publish=True)
    entry = entry_start(author=supervision.supervisee, template_version=template.versions.get())
    client.force_login(supervision.supervisee)
    page = client.get(reverse("recordings:new") + f"?entry={entry.pk}")
    assert "submitting the self-review hands in this recording" in page.content.decode()
    recording = make_recording(supervision, entry=entry)
    assert not recording.is_handed_in
    submit(entry)
    recording.refresh_from_db()
    assert recording.is_handed_in


def test_the_list_runs_the_same_queries_however_many_recordings(
    client, supervision, django_assert_max_num_queries
):
    client.force_login(supervision.supervisee)
    make_recording(supervision)
    with django_assert_max_num_queries(20) as few:
        client.get(reverse("recordings:list"))
    for _ in range(3):
        make_recording(supervision, handed_in=True)
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(reverse("recordings:list")).status_code == 200


def test_the_relationship_page_shows_the_recordings_panel(client, supervision):
    recording = make_recording(supervision, handed_in=True)
    client.force_login(supervision.supervisor)
    html = client.get(
        reverse("supervision:supervision_detail", args=[supervision.pk])
    ).content.decode()
    assert "Recordings" in html and reverse("recordings:detail", args=[recording.pk]) in html


def test_the_supervisors_dashboard_lists_recordings_to_review(client, supervision):
    recording = make_recording(supervision, handed_in=True)
    client.force_login(supervision.supervisor)
    html = client.get(reverse("supervision:dashboard")).content.decode()
    assert "Recordings to review" in html and recording.title in html


def test_a_recording_stays_to_review_until_the_supervisors_own_comment_is_released(
    client, supervision
):
    """The trainee's self-review comments are released at hand-in; the supervisor's draft is not
    a review given (an exclude() across comments once matched the two on different comments)."""
    recording = make_recording(supervision, handed_in=True)
    supervisor, supervisee = supervision.supervisor, supervision.supervisee
    services.comment_create(recording=recording, author=supervisee, seconds=1, body="My part.")
    services.comment_create(recording=recording, author=supervisor, seconds=2, body="Draft.")
    client.force_login(supervisor)
    dashboard = reverse("supervision:dashboard")
    assert recording.title in client.get(dashboard).content.decode()
    services.comments_release(recording=recording, releaser=supervisor)
    assert recording.title not in client.get(dashboard).content.decode()
