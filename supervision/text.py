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
