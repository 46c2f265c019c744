"""What recordings show on supervision's pages: the recordings reviewed at a meeting."""

import pytest
from django.urls import reverse

from recordings import services
from tests.factories import UserFactory, make_meeting
from tests.recordings.conftest import make_recording

pytestmark = pytest.mark.django_db


def test_the_meeting_record_lists_the_recordings_reviewed_at_it(client, supervision):
    """Issue 14, item 5: a meeting record links the recordings reviewed in it."""
    recording = make_recording(supervision, handed_in=True, description="Session 4: the agenda.")
    meeting = make_meeting(supervision)
    url = reverse("supervision:meeting_detail", args=[meeting.pk])
    client.force_login(supervision.supervisor)
    assert "Recordings reviewed at this meeting" not in client.get(url).content.decode()

    services.recording_meeting_link(
        recording=recording, meeting=meeting, actor=supervision.supervisor
    )
    for person in (supervision.supervisor, supervision.supervisee):
        client.force_login(person)
        page = client.get(url).content.decode()
        assert "Recordings reviewed at this meeting" in page
        assert reverse("recordings:detail", args=[recording.pk]) in page


def test_only_recordings_the_reader_may_open_are_listed(client, supervision):
    from recordings.panels import meeting_recordings

    draft = make_recording(supervision)  # not handed in: its owner's alone
    meeting = make_meeting(supervision)
    draft.meetings.add(meeting)

    class Request:
        user = supervision.supervisor

    assert meeting_recordings(Request(), meeting=meeting) is None
    Request.user = supervision.supervisee
    assert meeting_recordings(Request(), meeting=meeting)["recordings"] == [draft]
    Request.user = UserFactory()
    assert meeting_recordings(Request(), meeting=meeting) is None


def test_the_meeting_records_queries_do_not_grow_with_its_recordings(client, supervision):
    """Drafts too: their row says whether the supervision still runs (issue 11)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    meeting = make_meeting(supervision)
    url = reverse("supervision:meeting_detail", args=[meeting.pk])

    recordings = []

    def add():
        for handed_in in (True, False):
            recordings.append(make_recording(supervision, handed_in=handed_in))
            recordings[-1].meetings.add(meeting)

    client.force_login(supervision.supervisee)
    add()
    client.get(url)  # warm the caches filled once per process
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for _ in range(4):
        add()
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert all(reverse("recordings:detail", args=[each.pk]) in page for each in recordings)
    assert "not handed in ·" in " ".join(page.split())
    assert len(many) == len(few), "\n".join(q["sql"] for q in many.captured_queries)
