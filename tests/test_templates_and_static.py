"""The conventions for templates and static files, checked over the tree so they stay one way each.

Partials live in ``templates/<app>/includes/_<name>.html``; e-mail texts beside their app in
``<app>/templates/<app>/email/``; scripts are files (no inline script, style or event handler,
for the Content Security Policy), each an IIFE in strict mode; and every chart is a canvas that
names its data and kind, sized by a ``.chart__box``, drawn through the one helper
``static/js/charts.js``; every table on a page sits in a ``{% table_region %}``.
"""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SITE_TEMPLATES = ROOT / "templates"
APP_TEMPLATES = [path for path in ROOT.glob("*/templates") if path != SITE_TEMPLATES]
SCRIPTS = sorted((ROOT / "static" / "js").glob("*.js"))


def templates() -> list[Path]:
    found = list(SITE_TEMPLATES.rglob("*.html"))
    for folder in APP_TEMPLATES:
        found += folder.rglob("*.html")
    return sorted(found)


def test_partials_and_only_partials_live_in_includes():
    misplaced = [
        str(path.relative_to(ROOT))
        for path in templates()
        if path.name.startswith("_") != (path.parent.name == "includes")
    ]
    assert misplaced == []


def test_email_texts_live_beside_their_app():
    assert list(SITE_TEMPLATES.glob("email/*")) == []
    for path in ROOT.glob("*/templates/*/email/*"):
        app = path.relative_to(ROOT).parts[0]
        assert path.parent.parent.name == app, f"{path} belongs in {app}/templates/{app}/email/"


@pytest.mark.parametrize("path", templates(), ids=lambda path: str(path.relative_to(ROOT)))
def test_no_inline_script_style_or_handler(path):
    text = path.read_text()
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), "scripts are files in static/js"
    assert not re.search(r"\son[a-z]+\s*=", text), "event handlers belong in static/js"
    assert not re.search(r"\sstyle\s*=", text), "styles belong in static/css"


@pytest.mark.parametrize("path", SCRIPTS, ids=lambda path: path.name)
def test_every_script_is_a_strict_iife_with_its_purpose_first(path):
    lines = path.read_text().splitlines()
    assert lines[0].startswith("// "), "the first line says what the script is for"
    code = [line for line in lines if line and not line.startswith("//")]
    assert code[0] == "(function () {" and code[1].strip() == '"use strict";'
    assert code[-1] == "})();"
    assert "import " not in path.read_text() and "export " not in path.read_text()


def test_chart_js_is_used_only_through_the_shared_helper():
    for path in SCRIPTS:
        if path.name != "charts.js":
            assert not re.search(r"new\s+(window\.)?Chart\(", path.read_text()), path.name
    loading = [
        str(path.relative_to(ROOT)) for path in templates() if "chart.umd" in path.read_text()
    ]
    assert loading == ["templates/includes/_charts.html"]


def test_every_chart_names_its_data_and_kind_and_sits_in_a_sized_box():
    canvases = 0
    for path in templates():
        text = path.read_text()
        for match in re.finditer(r"<canvas\b[^>]*>", text):
            canvases += 1
            tag = match.group(0)
            assert "data-chart=" in tag and "data-chart-kind=" in tag, f"{path.name}: {tag}"
            opening = text.rfind("<div", 0, match.start())
            assert "chart__box" in text[opening : match.start()], f"{path.name}: no .chart__box"
    kinds = set(re.findall(r"register\(\"(\w+)\"", "".join(p.read_text() for p in SCRIPTS)))
    assert kinds == {"hours", "engagement", "profile", "compare", "history"}
    assert canvases >= 5


# Laid out by WeasyPrint on A4 (static/css/print.css), where nothing scrolls.
PRINTED = {"templates/exports/logbook.html"}


@pytest.mark.parametrize("path", templates(), ids=lambda path: str(path.relative_to(ROOT)))
def test_every_table_scrolls_in_a_focusable_named_region(path):
    """A table too wide for a phone scrolls in its own box, which keyboard and screen reader
    users must reach (axe: scrollable-region-focusable): ``{% table_region %}`` writes the box
    focusable and named, so no template writes a ``.table-scroll`` by hand."""
    relative = str(path.relative_to(ROOT))
    text = path.read_text()
    assert "table-scroll" not in text, "wrap the table in {% table_region name %}"
    if relative in PRINTED:
        return
    for match in re.finditer(r"<table\b", text):
        before = text[: match.start()]
        opened = before.count("{% table_region ") - before.count("{% endtable_region %}")
        assert opened > 0, f"{relative}: a table outside {{% table_region %}}"
    if "{% table_region " in text:
        assert "{% load table_region %}" in text


def test_every_source_map_a_vendored_script_names_is_there():
    """collectstatic's manifest storage follows ``sourceMappingURL`` and fails on a missing map,
    which leaves every production page an empty 500 (issue 11: Chart.js; then tus-js-client).
    """
    vendor = ROOT / "static" / "vendor"
    scripts = sorted(vendor.glob("**/*.js"))
    assert scripts, "run `npm run build` (make install) first"
    missing = []
    for script in scripts:
        named = re.search(r"//# sourceMappingURL=(\S+)\s*$", script.read_text(encoding="utf-8"))
        if named and not named[1].startswith("data:") and not (script.parent / named[1]).exists():
            missing.append(f"{script.name} names {named[1]}")
    assert not missing, missing
