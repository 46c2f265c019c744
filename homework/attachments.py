"""Checks on uploaded attachments: size, an allowed type, and content that matches its extension."""

from pathlib import PurePath

import filetype
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024

# Extension -> the kinds the file's first bytes may show. Text has no signature; it is checked apart.
ALLOWED = {
    "pdf": {"pdf"},
    "docx": {"docx", "zip"},
    "odt": {"odt", "zip"},
    "jpg": {"jpg"},
    "jpeg": {"jpg"},
    "png": {"png"},
    "mp3": {"mp3"},
    "m4a": {"m4a", "mp4"},
    "mp4": {"mp4", "m4v"},
    "txt": {"text"},
}
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text",
    "jpg": "image/jpeg",
    "jpeg": "image/jpeg",
    "png": "image/png",
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "mp4": "video/mp4",
    "txt": "text/plain",
}


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character may be cut at the end of the sample.
        return error.start >= len(head) - 3
    return True


def validate_attachment(upload: UploadedFile) -> str:
    """Returns the content type to store, or raises a ValidationError a person can act on."""
    name = PurePath(upload.name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    allowed_list = ", ".join(sorted({key.upper() for key in ALLOWED} - {"JPEG"}))
    if extension not in ALLOWED:
        raise ValidationError(
            f"Files of this type cannot be attached. Allowed: {allowed_list}.", code="type"
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        megabytes = upload.size / (1024 * 1024)
        raise ValidationError(
            f"This file is {megabytes:.1f} MB; attachments can be at most 20 MB.", code="size"
        )
    if upload.size == 0:
        raise ValidationError("This file is empty.", code="empty")
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    expected = ALLOWED[extension]
    if expected == {"text"}:
        matches = _looks_like_text(head)
    else:
        kind = filetype.guess(head)
        matches = kind is not None and kind.extension in expected
    if not matches:
        raise ValidationError(
            f"The file's content does not match its “.{extension}” extension.", code="mismatch"
        )
    return CONTENT_TYPES[extension]
