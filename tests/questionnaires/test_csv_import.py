"""Importing licensed items from CSV: every line reported, nothing imported unless all are valid."""

import time

import pytest

from questionnaires.csv_import import MAX_LINES, MAX_LISTED_PROBLEMS, parse_items_csv
from tests.worksheets.scoring.factories import make_questionnaire
from worksheets.scoring.definitions import Item
from worksheets.scoring.validation import validate_definition

SCALES = make_questionnaire().scales  # "worry" (title "Worry") and "drive" (title "Drive")


def parse(text: str | bytes, **kwargs):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return parse_items_csv(data, scales=SCALES, **kwargs)


def listed(report) -> list[str]:
    return [str(problem) for problem in report.problems]


def test_a_valid_file_gives_its_items():
    report = parse(
        "Item text,Scale,Reverse key\n"
        "I lie awake going over the day,worry,no\n"
        '"I keep going, even when tired",Drive,yes\n'
        "\n"
        "I settle quickly after a setback,WORRY,Y\n"
    )
    assert report.ok
    assert report.problems == ()
    assert report.items == (
        Item("worry_1", "I lie awake going over the day", "worry", reverse_keyed=False),
        Item("drive_1", "I keep going, even when tired", "drive", reverse_keyed=True),
        Item("worry_2", "I settle quickly after a setback", "worry", reverse_keyed=True),
    )


def test_semicolons_a_byte_order_mark_and_machine_names():
    report = parse(
        "\ufeffreverse_keyed;Machine name;scale;text\r\n"
        "0;lies_awake;worry;I lie awake going over the day\r\n"
        "1;;drive;I stop once a task is good enough\r\n"
    )
    assert report.ok, listed(report)
    assert [(item.machine_name, item.scale, item.reverse_keyed) for item in report.items] == [
        ("lies_awake", "worry", False),
        ("drive_1", "drive", True),
    ]


def test_generated_names_continue_after_existing_items():
    existing = [Item("worry_1", "An item already there", "worry")]
    report = parse("text,scale,reverse\nA new worry item,worry,no\n", existing_items=existing)
    assert [item.machine_name for item in report.items] == ["worry_2"]


def test_imported_items_complete_a_valid_definition():
    report = parse(
        "text,scale,reverse key\n"
        "One,worry,no\nTwo,worry,no\nThree,worry,yes\nFour,worry,no\n"
        "Five,drive,no\nSix,drive,yes\nSeven,drive,no\n"
    )
    definition = make_questionnaire(items=report.items)
    assert validate_definition(definition) == []


def test_extra_columns_are_ignored_with_a_note():
    report = parse("number,text,scale,reverse key\n1,One,worry,no\n")
    assert report.ok
    assert report.notes == ("Ignored the column(s) 'number'.",)


def test_missing_columns():
    report = parse("Item text,Scale\nI lie awake,worry\n")
    assert not report.ok
    assert report.items == ()
    assert listed(report) == [
        "Line 1: no column for 'reverse key'. The first line must name the columns 'item "
        "text', 'scale' and 'reverse key' (and optionally 'machine name'); it names 'Item "
        "text', 'Scale'."
    ]


def test_a_column_named_twice():
    report = parse("text,scale,reverse,reversed\nOne,worry,no,no\n")
    assert listed(report) == ["Line 1: the column 'reverse key' appears twice."]


def test_lines_with_too_few_or_too_many_values():
    report = parse("text,scale,reverse\nOne,worry\nTwo, with a comma,worry,no\n")
    assert listed(report) == [
        "Line 2: has 2 values but the first line names 3 columns (is a separator missing, or "
        "a double quote left open?).",
        "Line 3: has 4 values but the first line names 3 columns; put an item text that "
        "contains the separator in double quotes.",
    ]


def test_unknown_scales():
    report = parse("text,scale,reverse\nOne,wory,no\nTwo,,no\n")
    assert listed(report) == [
        "Line 2: the scale 'wory' is not one of this questionnaire's scales (worry, drive).",
        "Line 3: the scale is empty; use one of: worry, drive.",
    ]


def test_duplicate_items():
    existing = [Item("kept", "Already in the questionnaire", "worry")]
    report = parse(
        "text,scale,reverse,machine name\n"
        "I lie awake,worry,no,w_a\n"
        "I  LIE awake ,drive,no,w_b\n"
        "already in the questionnaire,worry,no,\n"
        "Something else,worry,no,w_a\n"
        "Another thing,worry,no,kept\n",
        existing_items=existing,
    )
    assert report.items == ()
    assert listed(report) == [
        "Line 3: the item text repeats line 2.",
        "Line 4: the item text repeats the existing item 'kept'.",
        "Line 5: the machine name 'w_a' is already used by line 2.",
        "Line 6: the machine name 'kept' is already used by an existing item.",
    ]


def test_bad_reverse_values_and_empty_text():
    report = parse("text,scale,reverse\nOne,worry,maybe\nTwo,worry,\n  ,worry,no\n")
    assert listed(report) == [
        "Line 2: the reverse key is 'maybe'; write yes or no (or y/n, true/false, 1/0).",
        "Line 3: the reverse key is empty; write yes or no (or y/n, true/false, 1/0).",
        "Line 4: the item text is empty.",
    ]


def test_bad_machine_name_and_overlong_text():
    report = parse(
        f"text,scale,reverse,machine name\nOne,worry,no,Bad Name\n{'x' * 1001},worry,no,\n"
    )
    assert listed(report) == [
        "Line 2: the machine name 'Bad Name' must start with a lower-case letter and use only "
        "lower-case letters, digits and underscores (at most 63).",
        "Line 3: the item text is 1,001 characters; at most 1,000.",
    ]


def test_one_bad_line_imports_nothing():
    good = "".join(f"Item number {n},worry,no\n" for n in range(50))
    report = parse("text,scale,reverse\n" + good + "The odd one,nowhere,no\n")
    assert report.items == ()
    assert listed(report) == [
        "Line 52: the scale 'nowhere' is not one of this questionnaire's scales (worry, drive)."
    ]


def test_a_quoted_item_over_two_lines_reports_the_line_it_starts_on():
    report = parse('text,scale,reverse\n"Two\nlines",worry,no\nNext,nowhere,no\n')
    assert listed(report) == [
        "Line 4: the scale 'nowhere' is not one of this questionnaire's scales (worry, drive)."
    ]


def test_wrong_encoding_is_named_with_its_line():
    data = "text,scale,reverse\nI feel calm,worry,no\nCafé talk,worry,no\n".encode("cp1252")
    report = parse(data)
    assert report.items == ()
    assert listed(report) == [
        "The file is not UTF-8 text: line 3 contains a byte that UTF-8 does not allow (the file "
        "was probably saved as Windows-1252 or Latin-1). Save it as 'CSV UTF-8' and upload it "
        "again. Nothing was imported."
    ]


def test_utf16_is_named():
    report = parse("text,scale,reverse\nOne,worry,no\n".encode("utf-16"))
    assert "saved as UTF-16" in listed(report)[0]


def test_ten_thousand_lines_are_refused_before_any_line_is_read():
    # Every line is broken; one whole-file problem proves no line was parsed.
    data = b"text,scale,reverse\n" + b"no scale here\n" * 9_999
    started = time.perf_counter()
    report = parse(data)
    elapsed = time.perf_counter() - started
    assert report.items == ()
    assert listed(report) == [
        f"The file has 10,000 lines; at most {MAX_LINES:,} can be imported at once (the line "
        "naming the columns and up to 999 items). Split it into smaller files. Nothing was "
        "imported."
    ]
    assert report.lines_read == 0
    # Counting bytes takes well under a millisecond; the bound only catches a real parse.
    assert elapsed < 0.05


def test_the_largest_allowed_file_is_read():
    rows = "".join(f"Item number {n},worry,no\n" for n in range(MAX_LINES - 1))
    report = parse("text,scale,reverse\n" + rows)
    assert report.ok
    assert len(report.items) == MAX_LINES - 1


def test_oversized_file_is_refused():
    report = parse("text,scale,reverse\n" + "x" * 1_000_001 + ",worry,no\n")
    assert listed(report) == [
        "The file has 1,000,030 characters; at most 1,000,000 can be imported at once. Nothing "
        "was imported."
    ]


def test_the_character_limit_counts_characters_not_bytes():
    # 999 items of 600 characters that take three bytes each in UTF-8 (a script such as
    # Japanese): 1.79 MB, yet 620,000 characters, inside the limit of 1,000,000 characters.
    rows = "".join(f"{'語' * 594} {n:05d},worry,no\n" for n in range(MAX_LINES - 1))
    data = ("text,scale,reverse\n" + rows).encode()
    assert len(data) > 1_750_000
    report = parse(data)
    assert report.ok and len(report.items) == MAX_LINES - 1


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"], ids=["no-BOM", "BOM"])
def test_every_line_ending_with_or_without_a_byte_order_mark_reads_alike(ending, bom):
    lines = ["text,scale,reverse", "I lie awake,worry,no", '"I plan, then rest",drive,yes']
    report = parse(bom + ending.join(lines).encode() + ending.encode())
    assert [(item.text, item.scale) for item in report.items] == [
        ("I lie awake", "worry"),
        ("I plan, then rest", "drive"),
    ]
    assert report.lines_read == 3


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"], ids=["LF", "CRLF", "CR"])
def test_the_line_limit_is_counted_whatever_the_line_ends(ending):
    # Old Mac files end lines with CR alone: counting LF bytes would see a single line.
    data = ending.join(["text,scale,reverse", *["Item,worry,no"] * MAX_LINES]).encode()
    assert listed(parse(data))[0].startswith(f"The file has {MAX_LINES + 1:,} lines;")


def test_nul_and_other_control_characters_are_refused_by_line_in_any_column():
    data = b"text,scale,reverse\nOne,worry,no\nTwo,wor\x00ry,no\nThree,worry,n\x1bo\n"
    report = parse(data)
    assert report.items == ()
    assert [problem.line for problem in report.problems] == [3, 4]
    assert "control character (such as a NUL byte)" in listed(report)[0]


def test_many_problems_are_capped():
    report = parse("text,scale,reverse\n" + "".join(f"Item {n},nowhere,no\n" for n in range(300)))
    assert len(report.problems) == MAX_LISTED_PROBLEMS + 1
    assert str(report.problems[-1]) == "… and 100 more problems not listed."


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", "The file is empty."),
        (b"  \n\n", "The file is empty."),
        (b"text,scale,reverse\n\n", "The file names its columns but has no items."),
        (b"text,scale,reverse\nOne\x00,worry,no\n", "Line 2: contains a control character"),
        (
            b'text,scale,reverse\nOne,worry,no\n"' + b"x" * 140_000 + b'",worry,no\n',
            "Line 3: cannot be read as CSV (field larger than field limit (131072))",
        ),
    ],
)
def test_empty_or_unreadable_files(data, expected):
    report = parse(data)
    assert report.items == ()
    assert listed(report)[0].startswith(expected)


def test_a_questionnaire_without_scales_cannot_take_items():
    report = parse_items_csv(b"text,scale,reverse\nOne,worry,no\n", scales=())
    assert listed(report) == [
        "The questionnaire has no scales yet; add its scales, then import items."
    ]
