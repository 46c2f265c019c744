"""Handing a recording's bytes out with HTTP Range support, after the view has checked who may.

``range_response(request, stored, content_type)``:

- no ``Range`` header: 200 with the whole file;
- ``Range: bytes=a-b`` / ``a-`` / ``-n`` (one range): 206 with ``Content-Range``;
- a range that starts beyond the end: 416 with ``Content-Range: bytes */size``;
- a malformed header or several ranges: 416 as well, with a message (browsers send one range).

When ``RECORDING_SENDFILE_HEADER`` is set (``X-Accel-Redirect`` for nginx, ``X-Sendfile`` for
Apache) the web server sends the file and handles Range itself: Python only says which file,
under ``RECORDING_SENDFILE_PREFIX`` (an internal location that maps to PRIVATE_MEDIA_ROOT).
Otherwise (development) the bytes are streamed in 64 KB pieces, never read whole into memory.
Every answer is ``Cache-Control: private, no-store``.
"""

import re

from django.conf import settings
from django.http import Http404, HttpResponse, StreamingHttpResponse

PIECE = 64 * 1024
RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def _not_satisfiable(size: int, message: str) -> HttpResponse:
    response = HttpResponse(message, status=416, content_type="text/plain; charset=utf-8")
    response["Content-Range"] = f"bytes */{size}"
    return response


def parse_range(header: str, size: int) -> tuple[int, int] | str:
    """(first, last) byte positions, inclusive; or the message to refuse the header with."""
    match = RANGE.match(header.strip())
    if not match or match.groups() == ("", ""):
        return "The Range header is not in the form bytes=first-last."
    first, last = match.groups()
    if first == "":
        length = int(last)
        if length == 0:
            return "An empty range asks for nothing."
        return max(size - length, 0), size - 1
    first_byte = int(first)
    last_byte = min(int(last), size - 1) if last else size - 1
    if first_byte >= size:
        return f"The range starts beyond the end of the file ({size} bytes)."
    if last and int(last) < first_byte:
        return "The range ends before it starts."
    return first_byte, last_byte


def _pieces(handle, first: int, length: int):
    try:
        handle.seek(first)
        left = length
        while left > 0:
            piece = handle.read(min(PIECE, left))
            if not piece:
                break
            left -= len(piece)
            yield piece
    finally:
        handle.close()


def range_response(request, stored, content_type: str):
    try:
        size = stored.size
    except (FileNotFoundError, OSError):
        raise Http404("The file is missing.") from None
    header = request.headers.get("Range")
    first, last, status = 0, size - 1, 200
    if header:
        parsed = parse_range(header, size)
        if isinstance(parsed, str):
            response = _not_satisfiable(size, parsed)
            response["Cache-Control"] = "private, no-store"
            return response
        (first, last), status = parsed, 206
    sendfile = getattr(settings, "RECORDING_SENDFILE_HEADER", "")
    if sendfile:
        prefix = getattr(settings, "RECORDING_SENDFILE_PREFIX", "/protected-recordings/")
        response = HttpResponse(content_type=content_type)
        response[sendfile] = prefix.rstrip("/") + "/" + stored.name
    else:
        length = last - first + 1
        response = StreamingHttpResponse(
            _pieces(stored.storage.open(stored.name, "rb"), first, length),
            status=status,
            content_type=content_type,
        )
        response["Content-Length"] = str(length)
        if status == 206:
            response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Accept-Ranges"] = "bytes"
    response["Cache-Control"] = "private, no-store"
    response["Content-Disposition"] = "inline"
    response["X-Content-Type-Options"] = "nosniff"
    return response
