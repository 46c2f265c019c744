"""Human text in one form: NFC, no control characters, names compared case-folded (issue 10, item 6)."""

import pytest
from django.core.exceptions import ValidationError

from supervision.text import comparable, normalised, refuse_direction_controls


def test_a_combining_accent_and_capitals_compare_as_the_same_name():
    assert comparable("Zoe\u0301") == comparable("ZOÉ") == comparable(" Zoé ")
    assert comparable("Straße") == comparable("STRASSE")
    assert comparable("Zoé") != comparable("Zoe")


def test_normalised_text_keeps_line_breaks_and_tabs_but_no_other_controls():
    assert normalised("one\r\ntwo\tthree\x00\x1b\x7f\x85") == "one\r\ntwo\tthree"
    assert normalised("Zoe\u0301") == "Zoé"


@pytest.mark.parametrize("control", ["\u202e", "\u2066", "\u200f", "\u061c"])
def test_direction_controls_are_refused_with_a_clear_message(control):
    with pytest.raises(ValidationError, match="change the direction of the text"):
        refuse_direction_controls(f"Ann{control}gpj.exe")
    refuse_direction_controls("نور")  # right-to-left letters themselves are fine
