"""Files attached to clinical material: checked on the way in, kept privately, read through a view.

The one module for attachments, used by homework entries and feedback (and recordings later):

- ``validate_attachment`` checks an upload: an allowed type, a size limit, and content that
  matches its extension (so a renamed program is refused).
- ``private_storage`` keeps files outside MEDIA_ROOT (in ``PRIVATE_MEDIA_ROOT``, by default a
  ``private-media`` folder beside it), so a web server configured to serve MEDIA_URL can never
  hand them out.
- ``private_download`` hands a file out, once the calling view has checked who may read it.
"""

from pathlib import Path, PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.utils.functional import cached_property

# --- Checks on the way in ----------------------------------------------------------------------

MAX_ATTACHMENT_MB = 20
MAX_ATTACHMENT_BYTES = MAX_ATTACHMENT_MB * 1024 * 1024

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


# For help texts and messages: "DOCX, JPG, M4A, ..." (JPEG is the same type as JPG).
ALLOWED_LIST = ", ".join(sorted({key.upper() for key in ALLOWED} - {"JPEG"}))


def validate_attachment(upload: UploadedFile) -> str:
    """Returns the content type to store, or raises a ValidationError a person can act on."""
    name = PurePath(upload.name or "").name
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ALLOWED:
        raise ValidationError(
            f"Files of this type cannot be attached. Allowed: {ALLOWED_LIST}.", code="type"
        )
    if upload.size > MAX_ATTACHMENT_BYTES:
        megabytes = upload.size / (1024 * 1024)
        raise ValidationError(
            f"This file is {megabytes:.1f} MB; attachments can be at most {MAX_ATTACHMENT_MB} MB.",
            code="size",
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


# --- Private storage and downloads ----------------------------------------------------------


class PrivateFileSystemStorage(FileSystemStorage):
    @cached_property
    def base_location(self):
        configured = getattr(settings, "PRIVATE_MEDIA_ROOT", None)
        return (
            Path(configured) if configured else Path(settings.MEDIA_ROOT).parent / "private-media"
        )

    def url(self, name):
        raise ValueError("Private files have no public URL; serve them through a view.")


_storage = PrivateFileSystemStorage()


def private_storage() -> PrivateFileSystemStorage:
    """Callable so migrations name the function, not a path on the machine that made them."""
    return _storage


def private_download(stored, name: str, content_type: str) -> FileResponse:
    """Hand out a private file once the caller has checked who may read it."""
    try:
        handle = stored.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle, as_attachment=True, filename=name or "attachment", content_type=content_type
    )
    response["Cache-Control"] = "private, no-store"
    return response
