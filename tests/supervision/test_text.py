"""Human text in one form: NFC, no control characters, names compared case-folded (issue 10, item 6)."""

import pytest
from django.core.exceptions import ValidationError

from supervision.text import (
    TextFileRefused,
    comparable,
    control_character_lines,
    decoded_text_file,
    line_count,
    normalised,
    refuse_direction_controls,
)


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


# --- Uploaded text files (every import) --------------------------------------------------------


@pytest.mark.parametrize("ending", [b"\n", b"\r\n", b"\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-BOM", "BOM"])
def test_a_text_file_decodes_to_lf_lines_whatever_wrote_it(ending, bom):
    data = bom + ending.join(["Zoe\u0301".encode(), b"second", b""])
    text = decoded_text_file(data, save_as="'CSV UTF-8'")
    assert text == "Zoé\nsecond\n"
    assert line_count(text) == 2


def test_line_count_counts_a_last_line_without_its_end():
    assert [line_count(t) for t in ("", "a", "a\n", "a\nb", "a\n\n")] == [0, 1, 1, 2, 2]


def test_utf16_and_other_encodings_are_named_with_what_to_do():
    with pytest.raises(
        TextFileRefused, match="saved as UTF-16.*Save it as 'CSV UTF-8' and upload it again. Gone."
    ):
        decoded_text_file("a\nb".encode("utf-16"), save_as="'CSV UTF-8'", refused="Gone.")
    with pytest.raises(TextFileRefused, match="line 3 contains a byte that UTF-8 does not allow"):
        decoded_text_file("a\r\nb\rCafé".encode("cp1252"), save_as="'CSV UTF-8'")


def test_lines_with_control_characters_are_named_tab_is_not_one():
    text = decoded_text_file(b"fine\tcells\nnul\x00here\nok\r\nescape\x1b\r", save_as="x")
    assert control_character_lines(text) == [2, 4]
