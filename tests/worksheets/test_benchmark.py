"""Rendering and validating a 60-field worksheet stays fast.

In the normal suite the benchmark runs once (pytest-benchmark is disabled in pyproject's addopts);
measure it with ``pytest -m benchmark --benchmark-enable tests/worksheets/test_benchmark.py``.
"""

import pytest
from django.http import QueryDict
from django.template.loader import render_to_string

from tests.worksheets.forms.test_builder import definition_of
from worksheets.forms.builder import build_worksheet_form
from worksheets.library import blocks as b

pytestmark = pytest.mark.benchmark(group="worksheet form")

# Sixty answer fields: every simple type several times, plus repeating groups and vicious circles.
PATTERN = [
    lambda n: b.short(f"Short {n}"),
    lambda n: b.long(f"Long {n}"),
    lambda n: b.single(f"Single {n}", ["One", "Two", "Three"]),
    lambda n: b.checklist(f"Checklist {n}", ["A", "B", "C", "D"]),
    lambda n: b.likert(f"Likert {n}", {1: "Low", 7: "High"}, points=7),
    lambda n: b.rating10(f"Rating ten {n}"),
    lambda n: b.rating100(f"Rating hundred {n}"),
    lambda n: b.date(f"Date {n}"),
    lambda n: b.duration(f"Duration {n}"),
    lambda n: b.top(f"Top {n}", ["A", "B", "C", "D", "E"], pick=2),
    lambda n: b.rows(
        f"Rows {n}", [b.column("What"), b.column("How strong", "rating_100")], max_rows=6
    ),
    lambda n: b.circle(f"Circle {n}"),
]
BODY = [PATTERN[n % len(PATTERN)](n) for n in range(60)]
DEFINITION = definition_of(BODY)


def answers_for(definition) -> QueryDict:
    data = QueryDict(mutable=True)
    for field in definition:
        key = f"q-{field['name']}"
        kind = field["type"]
        if kind in ("short_text", "long_text"):
            data[key] = "Some words about it"
        elif kind == "single_choice":
            data[key] = "Two"
        elif kind == "checklist":
            data.setlist(key, ["A", "C"])
        elif kind in ("likert", "rating_10"):
            data[key] = "5"
        elif kind == "rating_100":
            data[key] = "55"
        elif kind == "date":
            data[key] = "2026-03-31"
        elif kind == "duration":
            data[f"{key}_0"], data[f"{key}_1"] = "1", "30"
        elif kind == "top_choices":
            data.setlist(key, ["A", "E"])
        elif kind == "rows":
            for row in range(3):
                data[f"{key}-{row}-what"] = f"Row {row}"
                data[f"{key}-{row}-how_strong"] = "40"
        elif kind == "vicious_circle":
            for part in ("situation", "thoughts", "body", "behaviours", "alternative"):
                data[f"{key}-{part}"] = "Text"
            data[f"{key}-emotions-0-emotion"] = "Sad"
            data[f"{key}-emotions-0-intensity"] = "60"
    return data


def render_and_validate():
    form = build_worksheet_form(DEFINITION, data=answers_for(DEFINITION))
    html = render_to_string("worksheets/includes/_worksheet_fields.html", {"form": form})
    assert form.is_valid(), form.errors
    return html, form.answers()


def test_render_and_validate_a_sixty_field_worksheet(benchmark):
    assert len(DEFINITION) == 60
    html, answers = benchmark(render_and_validate)
    assert len(answers) == 60 and html.count("<fieldset") >= 40
