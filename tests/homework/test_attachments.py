"""Attachments: an allowed type, at most 20 MB, and content that matches the extension."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from homework.attachments import MAX_ATTACHMENT_BYTES, validate_attachment

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
