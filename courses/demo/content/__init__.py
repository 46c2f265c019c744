"""The demo course "Homework in CBT supervision", written for this project in its own words.

The text is data, in the files beside this module: ``course.json`` (the course page),
``modules/NN-<slug>.json`` (each module page with its lessons, in the order of their numbers),
``readings.json`` (readings cited in more than one lesson, by key; a lesson block
``{"type": "reading", "ref": key}`` stands for one) and ``homework-planning-checklist.txt`` (the
seeded document). A lesson's body is a list of ``{"type": ..., "value": ...}`` blocks of the
lesson StreamField (``courses.blocks``), read into ``(type, value)`` pairs.

Every case and person here is invented. Readings cite published work by author, year and
DOI; a DOI is given only where it was checked, and books and articles without one are cited
in full without it. `DOCUMENT` and `IMAGE` markers are replaced by the seeded files, and
`worksheet:<library key>` markers by the bundled worksheet with that key.
"""

import json
from pathlib import Path

FOLDER = Path(__file__).resolve().parent
DOCUMENT = "document:homework-planning-checklist"
IMAGE = "image:vicious-circle"
WORKSHEET_MARKER = "worksheet:"


def _read(path: Path):
    return json.loads(path.read_text(encoding="utf-8"))


def _lesson(lesson: dict, readings: dict) -> dict:
    body = [
        (block["type"], readings[block["ref"]] if "ref" in block else block["value"])
        for block in lesson["body"]
    ]
    return {**lesson, "body": body}


def _module(path: Path, readings: dict) -> dict:
    module = _read(path)
    return {**module, "lessons": [_lesson(lesson, readings) for lesson in module["lessons"]]}


READINGS = _read(FOLDER / "readings.json")
COURSE = _read(FOLDER / "course.json")
MODULES = [_module(path, READINGS) for path in sorted((FOLDER / "modules").glob("*.json"))]
CHECKLIST_TEXT = (FOLDER / "homework-planning-checklist.txt").read_text(encoding="utf-8")
