"""The read view's shapes: each answer says once how it is shown (ShownElement.shows)."""

from worksheets import definitions as d
from worksheets.presenters import shown_elements


def _element(kind, name, **extra):
    return {"type": kind, "name": name, "label": name.title(), **extra}


def test_each_answer_says_how_it_is_shown():
    definition = [
        _element(d.SHORT_TEXT, "blank"),
        _element(d.SHORT_TEXT, "short"),
        _element(d.LONG_TEXT, "long"),
        _element(d.MULTIPLE_CHOICE, "choices"),
        _element(d.CHECKLIST, "checked_other"),
        _element(d.ROWS, "rows", columns=[{"name": "what", "label": "What", "kind": d.SHORT_TEXT}]),
        _element(d.VICIOUS_CIRCLE, "circle"),
        {"type": d.HEADING, "text": "Later"},
    ]
    answers = {
        "short": "Fine",
        "long": "A\n\nB",
        "choices": ["One"],
        "checked_other": {"checked": [], "other": "Something"},
        "rows": [{"what": "x"}],
        "circle": {"situation": "At work"},
    }
    shown = {element.label: element.shows for element in shown_elements(definition, answers)}
    assert shown == {
        "Blank": "none",
        "Short": "text",
        "Long": "long_text",
        "Choices": "list",
        "Checked_Other": "list",
        "Rows": "rows",
        "Circle": "vicious_circle",
        "": "",
    }
