"""Where attachments on clinical material are kept: never under a public URL.

Files live outside MEDIA_ROOT (in ``PRIVATE_MEDIA_ROOT``, by default a ``private-media`` folder
beside it) so that a web server configured to serve MEDIA_URL can never hand them out. They are
read only through views that check permissions first.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.http import FileResponse, Http404
from django.utils.functional import cached_property


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
