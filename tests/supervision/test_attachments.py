"""Attachments: an allowed type, at most 20 MB, and content that matches the extension."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from supervision.attachments import MAX_ATTACHMENT_BYTES, validate_attachment

PDF = b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32


class BigUpload(SimpleUploadedFile):
    """Claims a size without holding that many bytes in memory."""

    def __init__(self, name, content, size):
        super().__init__(name, content)
        self.size = size


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        ("reflection.pdf", PDF, "application/pdf"),
        ("diagram.png", PNG, "image/png"),
        ("notes.txt", "Gedanken über die Sitzung".encode(), "text/plain"),
    ],
)
def test_allowed_files_pass(name, content, content_type):
    assert validate_attachment(SimpleUploadedFile(name, content)) == content_type


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "cannot be attached"),
        (SimpleUploadedFile("no-extension", PDF), "cannot be attached"),
        (SimpleUploadedFile("fake.pdf", PNG), "does not match"),
        (SimpleUploadedFile("fake.png", PDF), "does not match"),
        (SimpleUploadedFile("binary.txt", b"\x00\x01\x02binary"), "does not match"),
        (SimpleUploadedFile("empty.pdf", b""), "empty"),
        (BigUpload("huge.pdf", PDF, MAX_ATTACHMENT_BYTES + 1), "at most 20 MB"),
    ],
)
def test_refused_files_say_why(upload, message):
    with pytest.raises(ValidationError) as error:
        validate_attachment(upload)
    assert message in error.value.messages[0]


@pytest.mark.django_db
class TestEntryAttachments:
    """Files handed in with a homework entry: the author adds them, the pair read them."""

    @pytest.fixture
    def entry(self, supervision):
        from homework.services.entries import occurrence_entry_start
        from tests.homework.factories import make_assignment

        assignment = make_assignment(supervision)
        return occurrence_entry_start(
            occurrence=assignment.expected.get(), author=supervision.supervisee
        )

    def add(self, client, entry, upload):
        from django.urls import reverse

        return client.post(
            reverse("homework:entry_attachment_add", args=[entry.pk]), {"file": upload}
        )

    def test_the_author_attaches_and_the_supervisor_downloads_after_hand_in(
        self, client, entry, supervisor, supervisee
    ):
        import uuid

        from django.urls import reverse

        from homework.models import EntryAttachment
        from worksheets.services.entries import entry_submit

        client.force_login(supervisee)
        response = self.add(client, entry, SimpleUploadedFile("diagram.png", PNG))
        assert response.status_code == 302
        attachment = EntryAttachment.objects.get()
        assert (attachment.name, attachment.content_type) == ("diagram.png", "image/png")
        download = reverse("homework:entry_attachment_download", args=[attachment.pk])
        client.force_login(supervisor)
        assert client.get(download).status_code == 404  # a draft is only its author's
        entry_submit(
            entry=entry,
            answers={},
            reflection="Done",
            expected_version=entry.version,
            session=uuid.uuid4().hex,
        )
        response = client.get(download)
        assert response.status_code == 200
        assert response["Cache-Control"] == "private, no-store"
        assert b"".join(response.streaming_content) == PNG

    @pytest.mark.parametrize(
        ("upload", "message"),
        [
            (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "cannot be attached"),
            (SimpleUploadedFile("fake.pdf", PNG), "does not match"),
            (SimpleUploadedFile("empty.txt", b""), "empty"),
        ],
    )
    def test_refused_files_are_not_saved_and_the_reason_is_shown(
        self, client, entry, supervisee, upload, message
    ):
        from homework.models import EntryAttachment

        client.force_login(supervisee)
        response = self.add(client, entry, upload)
        assert not EntryAttachment.objects.exists()
        assert message in client.get(response.url).content.decode()
