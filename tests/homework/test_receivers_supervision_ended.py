"""Issue 10, item 8 as a kind: after a supervision ends, no list offers what the end refuses.

One relationship with homework in every state (not started, a draft, handed in), a recording
not handed in and a meeting is ended. Then every list of both people (My homework, homework I
set, my entries, recordings, questionnaires, hours) and the pages they lead to are read: each
shows the ended items as ended, and no link on them answers 403. Every write path the lists no
longer offer is then tried directly and refused without changing anything.
"""

import re
import uuid

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from homework.models import EntryAttachment
from homework.services.assignments import supervision_proposals_set
from homework.services.entries import occurrence_entry_start
from recordings.models import Recording
from supervision.services.relationships import supervision_end
from tests.factories import make_meeting
from tests.homework.factories import make_assignment
from tests.homework.views.test_entries import hand_in, worksheet  # noqa: F401 (a fixture)
from tests.recordings.conftest import make_recording
from worksheets.models import Entry

pytestmark = pytest.mark.django_db

LISTS = {
    "supervisee": [
        "homework:due",
        "worksheets:entry_list",
        "recordings:list",
        "questionnaires:index",
        "supervision:hours",
        "supervision:meeting_list",
    ],
    "supervisor": [
        "homework:set_by_me",
        "recordings:list",
        "questionnaires:index",
        "supervision:meeting_list",
    ],
}
# Links that only fetch a file or leave for another site are not followed.
NOT_FOLLOWED = re.compile(r"^/(static|media|accounts/logout)/|\.csv$|/media/$|^https?:")


@pytest.fixture
def ended(supervision, supervisor, supervisee, worksheet):  # noqa: F811 (the fixture above)
    today = timezone.localdate()
    not_started = make_assignment(supervision, title="Never started", worksheet_version=worksheet)
    drafted = make_assignment(supervision, title="Half done", worksheet_version=worksheet)
    draft = occurrence_entry_start(occurrence=drafted.expected.get(), author=supervisee)
    finished = make_assignment(supervision, title="Handed in", worksheet_version=worksheet)
    submitted = hand_in(
        occurrence_entry_start(occurrence=finished.expected.get(), author=supervisee)
    )
    supervision_proposals_set(supervision=supervision, supervisor=supervisor, allowed=True)
    make_assignment(supervision, author=supervisee, title="My own proposal")
    recording = make_recording(supervision)
    not_started.expected.update(due_on=today - timezone.timedelta(days=5))
    meeting = make_meeting(supervision, date=today)
    supervision_end(supervision=supervision)
    return {
        "assignments": (not_started, drafted, finished),
        "draft": draft,
        "submitted": submitted,
        "recording": recording,
        "meeting": meeting,
    }


def _links(html: str) -> set[str]:
    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    hrefs = set(re.findall(r'href="(/[^"#?]*)', main))
    return {href for href in hrefs if not NOT_FOLLOWED.search(href)}


def _post_actions(html: str) -> set[str]:
    main = html.split("<main", 1)[-1].split("</main>", 1)[0]
    return set(re.findall(r'<form[^>]*method="post"[^>]*action="([^"]+)"', main))


@pytest.mark.parametrize("who", ["supervisee", "supervisor"])
def test_every_list_shows_the_ended_relationship_with_no_refused_link(
    client, ended, supervisor, supervisee, who
):
    person = {"supervisee": supervisee, "supervisor": supervisor}[who]
    client.force_login(person)
    seen = set()
    for name in LISTS[who]:
        response = client.get(reverse(name))
        assert response.status_code == 200, name
        html = response.content.decode()
        for link in _links(html) - seen:
            seen.add(link)
            answer = client.get(link)
            assert answer.status_code not in (403, 404, 500), f"{name} links to {link}"
            # And the pages one step further offer no refused link or form (each tried below).
            page = answer.content.decode()
            for action in _post_actions(page) | _links(page):
                assert not any(action.startswith(refused) for refused in _refused_actions(ended)), (
                    f"{link} offers {action}"
                )
    assert reverse("homework:assignment_detail", args=[ended["assignments"][1].pk]) in seen
    assert reverse("supervision:meeting_detail", args=[ended["meeting"].pk]) in seen


def _refused_actions(ended) -> list[str]:
    draft, recording = ended["draft"], ended["recording"]
    not_started, drafted, finished = ended["assignments"]
    return [
        reverse("worksheets:entry_edit", args=[draft.pk]),
        reverse("worksheets:entry_autosave", args=[draft.pk]),
        reverse("worksheets:entry_discard", args=[draft.pk]),
        reverse("homework:entry_attachment_add", args=[draft.pk]),
        reverse("homework:occurrence_start", args=[not_started.expected.get().pk]),
        reverse("homework:entry_reopen", args=[ended["submitted"].pk]),
        reverse("recordings:hand_in", args=[recording.pk]),
        *(reverse("homework:review_create", args=[a.pk]) for a in ended["assignments"]),
        *(reverse("homework:assignment_drop", args=[a.pk]) for a in ended["assignments"]),
        *(reverse("homework:assignment_edit", args=[a.pk]) for a in ended["assignments"]),
    ]


def test_the_lists_say_what_ended(client, ended, supervisor, supervisee):
    draft = ended["draft"]
    client.force_login(supervisee)
    due = client.get(reverse("homework:due")).content.decode()
    assert "From supervisions that have ended (2)" in due and "Due today" not in due
    assert "My own proposal" not in due  # nobody can agree it any more
    entries = client.get(reverse("worksheets:entry_list")).content.decode()
    assert "Closed" in entries
    assert reverse("worksheets:entry_edit", args=[draft.pk]) not in entries
    reading = client.get(reverse("worksheets:entry_detail", args=[draft.pk]))
    assert reading.status_code == 200 and "This draft is closed" in reading.content.decode()
    recordings = client.get(reverse("recordings:list")).content.decode()
    assert "not handed in before the supervision ended" in recordings
    record = client.get(reverse("supervision:meeting_detail", args=[ended["meeting"].pk]))
    assert "Not reviewed before the supervision ended." in record.content.decode()
    hours = client.get(reverse("supervision:hours")).content.decode()
    assert f"(ended {timezone.localdate():%-d %b %Y})" in hours
    client.force_login(supervisor)
    set_by_me = client.get(reverse("homework:set_by_me")).content.decode()
    assert "Review at the next meeting" not in set_by_me
    assert "Nothing: the supervision has ended" in set_by_me


def test_every_write_path_the_end_closed_refuses_and_changes_nothing(client, ended, supervisee):
    draft = ended["draft"]
    before = Entry.objects.get(pk=draft.pk)
    client.force_login(supervisee)
    edit_url = reverse("worksheets:entry_edit", args=[draft.pk])
    for action in ("save", "submit"):
        data = {
            "what_did_i_want_to_do": "Changed",
            "reflection": "Changed",
            "version": draft.version,
            "session": uuid.uuid4().hex,
            "action": action,
        }
        response = client.post(edit_url, data)
        assert response.status_code == 302
        assert response.url == reverse("worksheets:entry_detail", args=[draft.pk])
    assert client.get(edit_url).status_code == 302
    autosave = client.post(
        reverse("worksheets:entry_autosave", args=[draft.pk]),
        {"what_did_i_want_to_do": "x", "version": draft.version, "session": uuid.uuid4().hex},
    )
    assert autosave.status_code == 409 and "This draft is closed" in autosave.content.decode()
    assert client.post(reverse("worksheets:entry_discard", args=[draft.pk])).status_code == 404
    upload = SimpleUploadedFile("notes.txt", b"A note.", "text/plain")
    client.post(reverse("homework:entry_attachment_add", args=[draft.pk]), {"file": upload})
    assert not EntryAttachment.objects.exists()
    client.post(reverse("recordings:hand_in", args=[ended["recording"].pk]))
    assert Recording.objects.get(pk=ended["recording"].pk).handed_in_at is None
    after = Entry.objects.get(pk=draft.pk)
    assert (after.status, after.version, after.answers, after.reflection) == (
        before.status,
        before.version,
        before.answers,
        before.reflection,
    )
