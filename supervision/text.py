"""Human text as the product stores and compares it: one Unicode form, no hidden control characters.

- `normalised(text)`: Unicode NFC (a combining accent and a precomposed letter become the same
  characters), control characters removed except tab and line breaks. Applied to every form field,
  autosave and query parameter by `supervision.middleware.NormalisedInputMiddleware`, and by the
  imports to what they decode. NUL in particular cannot be stored by PostgreSQL.
- `comparable(text)`: the normalised text, trimmed and case-folded (Unicode's caseless matching,
  so `ZOÉ`, `Zoé` and `Zoe\u0301` are one name). Uniqueness of names is checked on this form, in
  a column of its own, so that it holds the same on SQLite and PostgreSQL (whose LOWER() and
  UPPER() depend on the database's collation and leave non-ASCII letters alone on SQLite).
- `refuse_direction_controls(text)`: names and pseudonyms may not carry bidirectional control
  characters (Unicode TR9; the "Trojan Source" trick), which would reverse the text shown after
  them. Reflections may be written in right-to-left scripts, so only names are checked.
- `decoded_text_file(data)`, `line_count(text)`, `control_character_lines(text)`: what every
  import of a text file (questionnaire items, enrolment lists) does first: decode UTF-8 with or
  without a byte-order mark, make CRLF and CR line ends LF, and count its limits on the result;
  lines holding NUL or another control character are refused by line number.
"""

import re
import unicodedata

from django.core.exceptions import ValidationError

# C0 controls except tab, line feed and carriage return; DEL; C1 controls.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
DIRECTION_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
DIRECTION_CONTROLS_MESSAGE = (
    "This contains invisible characters that change the direction of the text around it. "
    "Type it again without them (copying it from another program can bring them in)."
)


def normalised(text: str) -> str:
    """`text` in NFC without control characters (tab, LF and CR stay)."""
    return CONTROL_CHARACTERS.sub("", unicodedata.normalize("NFC", text))


def comparable(text: str | None) -> str:
    """The form in which two names are the same name: normalised, trimmed, case-folded."""
    return unicodedata.normalize("NFC", normalised(text or "").strip().casefold())


def refuse_direction_controls(text: str | None) -> None:
    """Raise ValidationError if `text` holds a bidirectional control character (a validator)."""
    if text and not DIRECTION_CONTROLS.isdisjoint(text):
        raise ValidationError(DIRECTION_CONTROLS_MESSAGE, code="direction_controls")


# --- Text files people upload (imports) ------------------------------------------------------


# What an import reads at most, counted on the decoded text; the upload itself is read only up to
# MAX_TEXT_FILE_BYTES (a UTF-8 character takes at most four bytes, and a byte-order mark three).
MAX_TEXT_FILE_CHARACTERS = 1_000_000
MAX_TEXT_FILE_BYTES = 4 * MAX_TEXT_FILE_CHARACTERS + 3


class TextFileRefused(ValueError):
    """A text file that cannot be read; ``message`` says why and what to do, for the person."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def decoded_text_file(data: bytes, *, save_as: str, refused: str = "") -> str:
    """The text of an uploaded file: UTF-8 (a byte-order mark is dropped), LF line ends, NFC.

    Windows (CRLF) and old Mac (CR) line ends become LF, so every limit counted on the result
    (``line_count``, characters) is the same whatever program wrote the file. Control
    characters are left in place for ``control_character_lines`` to report. Raises
    TextFileRefused for UTF-16 and for bytes that are not UTF-8, naming the line of the first
    bad byte; ``save_as`` names the format to save in instead ("'CSV UTF-8'") and ``refused``
    is appended to the message ("Nothing was imported.").
    """
    tail = f" {refused}" if refused else ""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TextFileRefused(
            f"The file is saved as UTF-16 ('Unicode text'). Save it as {save_as} and upload "
            f"it again.{tail}"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = _lf(data[: error.start].decode("utf-8", "replace")).count("\n") + 1
        raise TextFileRefused(
            f"The file is not UTF-8 text: line {line} contains a byte that UTF-8 does not "
            "allow (the file was probably saved as Windows-1252 or Latin-1). Save it as "
            f"{save_as} and upload it again.{tail}"
        ) from error
    return unicodedata.normalize("NFC", _lf(text))


def _lf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def line_count(text: str) -> int:
    """Lines in LF-ended text; a last line without its line end counts, an empty text has none."""
    if not text:
        return 0
    return text.count("\n") + (0 if text.endswith("\n") else 1)


def control_character_lines(text: str) -> list[int]:
    """The numbers (from 1) of the lines of LF-ended text holding a control character other than tab.

    NUL cannot be stored by PostgreSQL, and the others are invisible: an import refuses such a
    file and names its lines rather than storing what the person cannot see.
    """
    return [
        number
        for number, line in enumerate(text.split("\n"), start=1)
        if CONTROL_CHARACTERS.search(line)
    ]
