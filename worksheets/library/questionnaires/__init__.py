"""The bundled questionnaires, one JSON file each beside this module, as library worksheet templates.

Each file holds ``topic`` (a ``WorksheetTemplate.Topic`` value), ``definition`` (exactly what
``Questionnaire.to_dict()`` writes and a published version stores, so the file is what gets
frozen) and ``after_items`` (worksheet body blocks in the StreamField's raw form that follow
the rated statements, e.g. a free-text reflection). Every one is written by this project for
reflection: none is a validated instrument or copies a published one, and each says so in its
notice. ``as_template`` turns a definition into a template with its scoring blocks and one
questionnaire item block per item, keyed by the definition's slug so loading twice changes
nothing.
"""

import json
from functools import cache
from pathlib import Path

from worksheets.scoring.definitions import Band, Questionnaire

FOLDER = Path(__file__).resolve().parent
# The library keys (and definition slugs) other code names a bundled questionnaire by.
SCHEMA_SELF_CHECK = "therapist-schema-self-check"
HOMEWORK_BELIEFS = "homework-beliefs"
COMPETENCE_RATING = "session-competence-rating"


def _bands(bands: tuple[Band, ...]) -> list[dict]:
    return [
        {
            "label": band.label,
            "minimum": str(band.minimum),
            "maximum": str(band.maximum),
            "interpretation": band.interpretation,
        }
        for band in bands
    ]


def scoring_blocks(questionnaire: Questionnaire) -> list[dict]:
    """The Scoring stream of a template for ``questionnaire``, in raw form."""
    likert = questionnaire.likert
    blocks = [
        {
            "type": "rating_range",
            "value": {
                "minimum": likert.minimum,
                "maximum": likert.maximum,
                "anchors": [{"value": a.value, "label": a.label} for a in likert.anchors],
                "presentation": questionnaire.presentation,
                "rated_by_someone_else": questionnaire.rated_by_someone_else,
                "notice": questionnaire.notice,
            },
        }
    ]
    for scale in questionnaire.scales:
        blocks.append(
            {
                "type": "scale",
                "value": {
                    "title": scale.title,
                    "description": scale.description,
                    "method": scale.method,
                    "max_missing": scale.max_missing,
                    "bands": _bands(scale.bands),
                    "reflection_prompt": scale.reflection_prompt,
                    "group": scale.group,
                    "name": scale.name,
                },
            }
        )
    total = questionnaire.total
    if total is not None:
        blocks.append(
            {
                "type": "total",
                "value": {
                    "title": total.title,
                    "method": total.method,
                    "max_missing": total.max_missing,
                    "pass_mark": None if total.pass_mark is None else str(total.pass_mark),
                    "bands": _bands(total.bands),
                },
            }
        )
    return blocks


def item_blocks(questionnaire: Questionnaire) -> list[dict]:
    return [
        {
            "type": "questionnaire_item",
            "value": {
                "label": item.text,
                "help_text": item.help_text,
                "scale": item.scale,
                "reverse_keyed": item.reverse_keyed,
                "name": item.machine_name,
            },
        }
        for item in questionnaire.items
    ]


def as_template(questionnaire: Questionnaire, *, topic: str, after_items=()) -> dict:
    """A library template dict (as ``worksheets.library`` has them) for a bundled questionnaire."""
    return {
        "key": questionnaire.slug,
        "title": questionnaire.title,
        "topic": topic,
        "introduction": questionnaire.instructions,
        "body": [*item_blocks(questionnaire), *after_items],
        "scoring": scoring_blocks(questionnaire),
    }


@cache
def bundled_files() -> tuple[dict, ...]:
    """Each JSON file as read (``topic``, ``definition``, ``after_items``), in file-name order."""
    return tuple(
        json.loads(path.read_text(encoding="utf-8")) for path in sorted(FOLDER.glob("*.json"))
    )


@cache
def bundled_questionnaires() -> tuple[Questionnaire, ...]:
    """Every bundled definition, in file-name order."""
    return tuple(Questionnaire.from_dict(data["definition"]) for data in bundled_files())


def bundled_questionnaire(slug: str) -> Questionnaire:
    """The bundled definition with this slug; KeyError when there is none."""
    for questionnaire in bundled_questionnaires():
        if questionnaire.slug == slug:
            return questionnaire
    raise KeyError(slug)


def library_templates() -> list[dict]:
    """The bundled questionnaires as library template dicts (see ``worksheets.library``)."""
    return [
        as_template(
            Questionnaire.from_dict(data["definition"]),
            topic=data["topic"],
            after_items=data.get("after_items", ()),
        )
        for data in bundled_files()
    ]
