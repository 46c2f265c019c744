"""Reading licensed questionnaire items from a CSV file: all or nothing, with a report per line.

An institution that has licensed a published instrument enters its items this way, so the
product itself never ships copyrighted items. The file needs a first line naming the columns
``item text``, ``scale`` and ``reverse key`` (in any order, any case; ``machine name`` is
optional) and one item per line after it. Commas, semicolons and tabs all work as separators
(the one used in the first line is taken), and the file must be UTF-8 (a byte-order mark is
fine), which is what spreadsheet programs write as "CSV UTF-8"; Windows, Unix and old Mac line
ends all work (``supervision.text.decoded_text_file``), and a line holding NUL or another
control character is refused by its number.

The parsed items come back only when every line is valid; otherwise the report lists each
problem with its line number and nothing is imported. The limits (lines, characters) are
counted on the decoded text, before any line is parsed, so a 10,000-line upload costs a decode
and a count, not a parse.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass

from supervision.text import (
    MAX_TEXT_FILE_BYTES,
    MAX_TEXT_FILE_CHARACTERS,
    TextFileRefused,
    control_character_lines,
    decoded_text_file,
    line_count,
)
from worksheets.scoring.definitions import MACHINE_NAME, Item, Scale

MAX_CHARACTERS = MAX_TEXT_FILE_CHARACTERS
MAX_UPLOAD_BYTES = MAX_TEXT_FILE_BYTES
# One line naming the columns and up to 999 items: far more than any instrument has.
MAX_LINES = 1_000
MAX_TEXT_LENGTH = 1_000
MAX_LISTED_PROBLEMS = 200

TEXT = "item text"
SCALE = "scale"
REVERSE = "reverse key"
MACHINE = "machine name"
REQUIRED_COLUMNS = (TEXT, SCALE, REVERSE)
COLUMN_SPELLINGS = {
    TEXT: {"item text", "text", "item"},
    SCALE: {"scale", "subscale"},
    REVERSE: {"reverse key", "reverse keyed", "reverse", "reversed"},
    MACHINE: {"machine name"},
}
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0"}


@dataclass(frozen=True)
class LineProblem:
    """One reason the file was refused; ``line`` is None when it concerns the whole file."""

    line: int | None
    message: str

    def __str__(self) -> str:
        return self.message if self.line is None else f"Line {self.line}: {self.message}"


@dataclass(frozen=True)
class ImportReport:
    items: tuple[Item, ...]
    problems: tuple[LineProblem, ...]
    # Things worth knowing that do not stop the import, e.g. columns that were ignored.
    notes: tuple[str, ...] = ()
    lines_read: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems and bool(self.items)


def _refuse(message: str, line: int | None = None) -> ImportReport:
    return ImportReport(items=(), problems=(LineProblem(line, message),))


def _normalise(text: str) -> str:
    return " ".join(text.replace("_", " ").replace("-", " ").split()).casefold()


def _delimiter(first_line: str) -> str:
    counts = {separator: first_line.count(separator) for separator in (",", ";", "\t")}
    separator = max(counts, key=counts.get)
    return separator if counts[separator] else ","


def parse_items_csv(
    data: bytes, *, scales: Sequence[Scale], existing_items: Sequence[Item] = ()
) -> ImportReport:
    """Items for a questionnaire with ``scales`` from a CSV upload, only if every line is valid.

    ``existing_items`` are the items the questionnaire already has: repeating one of them, or
    its machine name, is a problem too.
    """
    if not scales:
        return _refuse("The questionnaire has no scales yet; add its scales, then import items.")
    if len(data) > MAX_UPLOAD_BYTES:
        return _refuse(
            f"The file is {len(data):,} bytes; at most {MAX_UPLOAD_BYTES:,} can be read. "
            "Nothing was imported."
        )
    try:
        text = decoded_text_file(data, save_as="'CSV UTF-8'", refused="Nothing was imported.")
    except TextFileRefused as refusal:
        return _refuse(refusal.message)
    if not text.strip():
        return _refuse("The file is empty.")
    # The limits are counted on the decoded text, so CRLF, CR and LF files count alike.
    lines = line_count(text)
    if lines > MAX_LINES:
        return _refuse(
            f"The file has {lines:,} lines; at most {MAX_LINES:,} can be imported at once "
            f"(the line naming the columns and up to {MAX_LINES - 1:,} items). Split it into "
            "smaller files. Nothing was imported."
        )
    if len(text) > MAX_CHARACTERS:
        return _refuse(
            f"The file has {len(text):,} characters; at most {MAX_CHARACTERS:,} can be "
            "imported at once. Nothing was imported."
        )
    controlled = control_character_lines(text)
    if controlled:
        return _Reader(text, scales, existing_items).refuse_control_characters(controlled)
    return _Reader(text, scales, existing_items).read()


class _Reader:
    def __init__(self, text: str, scales: Sequence[Scale], existing_items: Sequence[Item]):
        self.text = text
        self.scales = scales
        self.scale_by_spelling: dict[str, Scale] = {}
        for scale in scales:
            self.scale_by_spelling.setdefault(_normalise(scale.name), scale)
            self.scale_by_spelling.setdefault(_normalise(scale.title), scale)
        self.seen_texts = {
            _normalise(item.text): f"the existing item '{item.machine_name}'"
            for item in existing_items
        }
        self.taken_names = {item.machine_name: "an existing item" for item in existing_items}
        self.per_scale = {scale.name: 0 for scale in scales}
        for item in existing_items:
            if item.scale in self.per_scale:
                self.per_scale[item.scale] += 1
        self.problems: list[LineProblem] = []
        self.notes: list[str] = []

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(LineProblem(line, message))

    def refuse_control_characters(self, lines: list[int]) -> ImportReport:
        for line in lines:
            self.problem(
                line,
                "contains a control character (such as a NUL byte), which cannot be imported; "
                "is this a text file saved from a spreadsheet?",
            )
        return self.report(())

    def read(self) -> ImportReport:
        first_line = self.text.split("\n", 1)[0]
        reader = csv.reader(io.StringIO(self.text, newline=""), delimiter=_delimiter(first_line))
        try:
            header = next(reader)
        except csv.Error as error:
            return _refuse(f"The line naming the columns cannot be read as CSV ({error}).", 1)
        columns = self.columns(header)
        if columns is None:
            return self.report(())

        rows: list[tuple[int, dict[str, str]]] = []
        line = reader.line_num
        try:
            for cells in reader:
                start, line = line + 1, reader.line_num
                if not any(cell.strip() for cell in cells):
                    continue
                if len(cells) != len(header):
                    self.problem(start, self.width_message(len(cells), len(header)))
                    continue
                rows.append((start, {name: cells[index] for name, index in columns.items()}))
        except csv.Error as error:
            self.problem(line + 1, f"cannot be read as CSV ({error}); nothing after it was read.")
            return self.report(())
        if not rows and not self.problems:
            self.problem(None, "The file names its columns but has no items.")
        items = [item for line, values in rows if (item := self.item(line, values)) is not None]
        return self.report(items, lines_read=line)

    def columns(self, header: list[str]) -> dict[str, int] | None:
        found: dict[str, int] = {}
        ignored: list[str] = []
        for index, cell in enumerate(header):
            spelling = _normalise(cell)
            column = next(
                (name for name, spellings in COLUMN_SPELLINGS.items() if spelling in spellings),
                None,
            )
            if column is None:
                if cell.strip():
                    ignored.append(cell.strip())
            elif column in found:
                self.problem(1, f"the column '{column}' appears twice.")
            else:
                found[column] = index
        missing = [name for name in REQUIRED_COLUMNS if name not in found]
        if missing:
            named = ", ".join(f"'{cell.strip()}'" for cell in header if cell.strip()) or "nothing"
            self.problem(
                1,
                f"no column for {_and(missing)}. The first line must name the columns "
                f"'item text', 'scale' and 'reverse key' (and optionally 'machine name'); "
                f"it names {named}.",
            )
        if self.problems:
            return None
        if ignored:
            self.notes.append(f"Ignored the column(s) {_and(ignored)}.")
        return found

    @staticmethod
    def width_message(cells: int, columns: int) -> str:
        if cells < columns:
            return (
                f"has {cells} value{'s' if cells != 1 else ''} but the first line names "
                f"{columns} columns (is a separator missing, or a double quote left open?)."
            )
        return (
            f"has {cells} values but the first line names {columns} columns; put an item "
            "text that contains the separator in double quotes."
        )

    def item(self, line: int, values: dict[str, str]) -> Item | None:
        problems_before = len(self.problems)
        text = " ".join(values[TEXT].split())
        if not text:
            self.problem(line, "the item text is empty.")
        elif len(text) > MAX_TEXT_LENGTH:
            self.problem(
                line, f"the item text is {len(text):,} characters; at most {MAX_TEXT_LENGTH:,}."
            )
        elif (previous := self.seen_texts.get(_normalise(text))) is not None:
            self.problem(line, f"the item text repeats {previous}.")
        else:
            self.seen_texts[_normalise(text)] = f"line {line}"

        scale = self.scale_by_spelling.get(_normalise(values[SCALE]))
        if scale is None:
            self.problem(line, self.unknown_scale_message(values[SCALE].strip()))

        reverse = _normalise(values[REVERSE])
        if reverse not in YES | NO:
            shown = f"'{values[REVERSE].strip()}'" if reverse else "empty"
            self.problem(
                line, f"the reverse key is {shown}; write yes or no (or y/n, true/false, 1/0)."
            )

        machine_name = values.get(MACHINE, "").strip()
        if machine_name:
            if not MACHINE_NAME.match(machine_name):
                self.problem(
                    line,
                    f"the machine name '{machine_name}' must start with a lower-case letter and "
                    "use only lower-case letters, digits and underscores (at most 63).",
                )
            elif (owner := self.taken_names.get(machine_name)) is not None:
                self.problem(line, f"the machine name '{machine_name}' is already used by {owner}.")
            else:
                self.taken_names[machine_name] = f"line {line}"

        if len(self.problems) > problems_before or scale is None:
            return None
        return Item(
            machine_name=machine_name,
            text=text,
            scale=scale.name,
            reverse_keyed=reverse in YES,
        )

    def unknown_scale_message(self, given: str) -> str:
        names = [scale.name for scale in self.scales]
        listed = ", ".join(names[:20]) + (" …" if len(names) > 20 else "")
        if not given:
            return f"the scale is empty; use one of: {listed}."
        return f"the scale '{given}' is not one of this questionnaire's scales ({listed})."

    def name_unnamed(self, items: list[Item]) -> list[Item]:
        """Machine names for items the file left unnamed: the scale's name and a number."""
        named = []
        for item in items:
            if item.machine_name:
                named.append(item)
                continue
            while True:
                self.per_scale[item.scale] += 1
                candidate = f"{item.scale[:55]}_{self.per_scale[item.scale]}"
                if candidate not in self.taken_names:
                    break
            self.taken_names[candidate] = "a generated name"
            named.append(
                Item(
                    machine_name=candidate,
                    text=item.text,
                    scale=item.scale,
                    reverse_keyed=item.reverse_keyed,
                )
            )
        return named

    def report(self, items, lines_read: int = 0) -> ImportReport:
        if self.problems:
            # Whole-file problems first, then line by line (a line's problems in order found).
            ordered = sorted(self.problems, key=lambda problem: problem.line or 0)
            listed = ordered[:MAX_LISTED_PROBLEMS]
            hidden = len(self.problems) - len(listed)
            if hidden:
                listed.append(LineProblem(None, f"… and {hidden:,} more problems not listed."))
            return ImportReport(
                items=(), problems=tuple(listed), notes=tuple(self.notes), lines_read=lines_read
            )
        return ImportReport(
            items=tuple(self.name_unnamed(list(items))),
            problems=(),
            notes=tuple(self.notes),
            lines_read=lines_read,
        )


def _and(names: Sequence[str]) -> str:
    quoted = [f"'{name}'" for name in names]
    if len(quoted) <= 1:
        return "".join(quoted)
    return ", ".join(quoted[:-1]) + " and " + quoted[-1]
