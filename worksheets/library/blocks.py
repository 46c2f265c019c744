"""Short helpers that write worksheet body blocks in the StreamField's raw form."""


def _answer(kind: str, label: str, help_text: str = "", required: bool = True, **options) -> dict:
    return {
        "type": kind,
        "value": {
            "label": label,
            "help_text": help_text,
            "required": required,
            "name": "",
            **options,
        },
    }


def heading(text: str) -> dict:
    return {"type": "heading", "value": {"text": text}}


def guidance(text: str) -> dict:
    return {"type": "guidance", "value": {"text": text}}


def short(label: str, help_text: str = "", required: bool = True, max_length: int = 200) -> dict:
    return _answer("short_text", label, help_text, required, max_length=max_length)


def long(label: str, help_text: str = "", required: bool = True, max_length: int = 4000) -> dict:
    return _answer("long_text", label, help_text, required, max_length=max_length)


def single(label: str, choices: list[str], help_text: str = "", required: bool = True) -> dict:
    return _answer("single_choice", label, help_text, required, choices=choices)


def multiple(label: str, choices: list[str], help_text: str = "", required: bool = True) -> dict:
    return _answer("multiple_choice", label, help_text, required, choices=choices)


def checklist(
    label: str, items: list[str], help_text: str = "", required: bool = True, other: str = "Other"
) -> dict:
    return _answer(
        "checklist",
        label,
        help_text,
        required,
        items=items,
        allow_other=bool(other),
        other_label=other or "Other",
    )


def likert(
    label: str, anchors: dict[int, str], points: int = 5, help_text: str = "", required: bool = True
) -> dict:
    return _answer(
        "likert",
        label,
        help_text,
        required,
        points=points,
        anchors=[{"point": point, "text": text} for point, text in anchors.items()],
    )


def rating10(
    label: str, low: str = "", high: str = "", help_text: str = "", required: bool = True
) -> dict:
    return _answer("rating_10", label, help_text, required, low_label=low, high_label=high)


def rating100(
    label: str, low: str = "", high: str = "", help_text: str = "", required: bool = True
) -> dict:
    return _answer("rating_100", label, help_text, required, low_label=low, high_label=high)


def number(
    label: str,
    help_text: str = "",
    required: bool = True,
    min_value: float | None = None,
    max_value: float | None = None,
    unit: str = "",
) -> dict:
    return _answer(
        "number",
        label,
        help_text,
        required,
        min_value=min_value,
        max_value=max_value,
        decimal_places=0,
        unit=unit,
    )


def date(label: str, help_text: str = "", required: bool = True) -> dict:
    return _answer("date", label, help_text, required)


def time(label: str, help_text: str = "", required: bool = True) -> dict:
    return _answer("time", label, help_text, required)


def duration(label: str, help_text: str = "", required: bool = True, max_hours: int = 24) -> dict:
    return _answer("duration", label, help_text, required, max_hours=max_hours)


def top(
    label: str, choices: list[str], pick: int, help_text: str = "", required: bool = True
) -> dict:
    return _answer("top_choices", label, help_text, required, choices=choices, pick=pick)


def column(label: str, kind: str = "short_text", choices: list[str] | None = None) -> dict:
    return {"label": label, "kind": kind, "choices": "\n".join(choices or []), "name": ""}


def rows(
    label: str,
    columns: list[dict],
    help_text: str = "",
    required: bool = True,
    min_rows: int = 1,
    max_rows: int = 6,
) -> dict:
    return _answer(
        "rows", label, help_text, required, columns=columns, min_rows=min_rows, max_rows=max_rows
    )


def circle(
    label: str,
    help_text: str = "",
    required: bool = True,
    include_alternative: bool = True,
    max_emotions: int = 4,
) -> dict:
    return _answer(
        "vicious_circle",
        label,
        help_text,
        required,
        include_alternative=include_alternative,
        max_emotions=max_emotions,
    )
