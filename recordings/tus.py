"""A small tus 1.0 server (https://tus.io/protocols/resumable-upload) for recording uploads.

The browser uses tus-js-client (npm, through the lock file). The protocol's core plus the
``creation`` and ``termination`` extensions:

- ``POST /recordings/uploads/`` with ``Upload-Length`` and ``Upload-Metadata`` (``filename``,
  base64) creates an upload: 201 and its ``Location``. Refused: 403 for someone with no current
  supervision as a supervisee, 413 above ``RECORDING_MAX_BYTES``, 400 for a zero length, 415
  for a file type we do not accept.
- ``HEAD <upload>`` answers ``Upload-Offset``: how much arrived, so a dropped upload resumes.
- ``PATCH <upload>`` (``application/offset+octet-stream``) appends the body at ``Upload-Offset``
  (409 if it does not match), streamed to private storage in 64 KB pieces: the file is never
  held in memory. The last piece triggers the content check (PyAV): a file that is not audio or
  video is removed and answered 422 with the reason.
- ``DELETE <upload>`` abandons it.

An upload is its creator's alone: anyone else gets 404 (an interrupted upload cannot be resumed
by someone else). Every response carries ``Tus-Resumable`` and ``Cache-Control: no-store``.
"""

import base64
import binascii
import os
import uuid

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from recordings.media import check_name, probe
from recordings.models import RecordingUpload
from recordings.selectors import supervisions_to_record_for
from supervision.attachments import private_storage

TUS_VERSION = "1.0.0"
CHUNK_BYTES = 64 * 1024
DEFAULT_MAX_BYTES = 2 * 1024**3


def max_bytes() -> int:
    return getattr(settings, "RECORDING_MAX_BYTES", DEFAULT_MAX_BYTES)


def _response(status: int, message: str = "", **headers) -> HttpResponse:
    response = HttpResponse(message, status=status, content_type="text/plain; charset=utf-8")
    response["Tus-Resumable"] = TUS_VERSION
    response["Cache-Control"] = "no-store"
    for name, value in headers.items():
        response[name.replace("_", "-")] = str(value)
    return response


def _metadata(header: str) -> dict[str, str]:
    values = {}
    for pair in filter(None, (part.strip() for part in header.split(","))):
        key, _, encoded = pair.partition(" ")
        try:
            values[key] = (
                base64.b64decode(encoded, validate=True).decode("utf-8") if encoded else ""
            )
        except (binascii.Error, UnicodeDecodeError):
            values[key] = ""
    return values


def _megabytes(size: int) -> str:
    return f"{size / 1024**2:,.0f} MB" if size < 1024**3 else f"{size / 1024**3:.1f} GB"


@login_required
@require_http_methods(["POST", "OPTIONS"])
def upload_create(request):
    if request.method == "OPTIONS":
        return _response(
            204,
            Tus_Version=TUS_VERSION,
            Tus_Extension="creation,termination",
            Tus_Max_Size=max_bytes(),
        )
    if not supervisions_to_record_for(request.user).exists():
        return _response(403, "Only a supervisee in a current supervision uploads recordings.")
    try:
        length = int(request.headers.get("Upload-Length", ""))
    except ValueError:
        return _response(400, "The upload did not say how large the file is.")
    if length <= 0:
        return _response(400, "This file is empty.")
    if length > max_bytes():
        return _response(
            413,
            f"This file is {_megabytes(length)}; recordings can be at most {_megabytes(max_bytes())}.",
        )
    file_name = os.path.basename(
        _metadata(request.headers.get("Upload-Metadata", "")).get("filename", "")
    )
    try:
        check_name(file_name)
    except ValidationError as error:
        return _response(415, error.messages[0])
    upload_id = uuid.uuid4()
    path = f"recordings/uploads/{upload_id.hex}"
    storage = private_storage()
    os.makedirs(os.path.dirname(storage.path(path)), exist_ok=True)
    open(storage.path(path), "wb").close()
    RecordingUpload.objects.create(
        id=upload_id, owner=request.user, file_name=file_name[-200:], length=length, path=path
    )
    location = request.build_absolute_uri(reverse("recordings:upload", args=[upload_id]))
    return _response(201, Location=location, Upload_Offset=0)


def _own_upload(request, upload_id) -> RecordingUpload:
    # 404, never 403: someone else's upload is not known to exist.
    upload = RecordingUpload.objects.filter(pk=upload_id, owner_id=request.user.pk).first()
    if upload is None:
        raise Http404("No such upload.")
    return upload


@login_required
@require_http_methods(["HEAD", "PATCH", "DELETE", "OPTIONS"])
def upload_detail(request, upload_id):
    if request.method == "OPTIONS":
        return _response(204, Tus_Version=TUS_VERSION, Tus_Extension="creation,termination")
    upload = _own_upload(request, upload_id)
    if request.method == "HEAD":
        return _response(200, Upload_Offset=upload.offset, Upload_Length=upload.length)
    if request.method == "DELETE":
        return _terminate(upload)
    return _append(request, upload)


def _terminate(upload: RecordingUpload) -> HttpResponse:
    path = upload.path
    upload.delete()
    transaction.on_commit(lambda: private_storage().delete(path))
    return _response(204)


def _append(request, upload: RecordingUpload) -> HttpResponse:
    if request.content_type != "application/offset+octet-stream":
        return _response(415, "Send the file's bytes as application/offset+octet-stream.")
    try:
        offset = int(request.headers.get("Upload-Offset", ""))
    except ValueError:
        return _response(400, "Upload-Offset is missing.")
    if offset != upload.offset or upload.duration_seconds is not None:
        # Another tab or a retry already sent these bytes: the client asks again with HEAD.
        return _response(409, "The upload moved on; resume from the current offset.")
    # The bytes are written outside any transaction (a long transfer must not hold a database
    # lock); the offset then moves with a compare-and-swap, so of two racing requests one wins.
    path = private_storage().path(upload.path)
    received, too_many = 0, False
    with open(path, "r+b") as target:
        target.seek(offset)
        try:
            while piece := request.read(CHUNK_BYTES):
                if offset + received + len(piece) > upload.length:
                    too_many = True
                    break
                target.write(piece)
                received += len(piece)
        except OSError:
            pass  # the connection dropped: keep what arrived, the client resumes from there
    if too_many:
        return _response(413, "More bytes arrived than the upload announced.")
    new_offset = offset + received
    claimed = RecordingUpload.objects.filter(pk=upload.pk, offset=offset).update(offset=new_offset)
    if claimed != 1:
        return _response(409, "The upload moved on; resume from the current offset.")
    if new_offset == upload.length:
        return _finish(upload, path)
    return _response(204, Upload_Offset=new_offset)


def _finish(upload: RecordingUpload, path: str) -> HttpResponse:
    """The content check once every byte is in: PyAV reads it, or the upload is removed."""
    try:
        found = probe(path, upload.file_name)
    except ValidationError as error:
        RecordingUpload.objects.filter(pk=upload.pk).delete()
        if os.path.exists(path):
            os.remove(path)
        return _response(422, error.messages[0])
    RecordingUpload.objects.filter(pk=upload.pk).update(
        duration_seconds=found.duration_seconds, content_type=found.content_type
    )
    return _response(204, Upload_Offset=upload.length)
