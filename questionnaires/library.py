"""The bundled questionnaires as library worksheet templates, loaded with the worksheet library.

Each bundled definition (``questionnaires.bundled``) becomes a template in the StreamField's raw
form: its scoring blocks and one questionnaire item block per item, keyed by the definition's
slug so that loading twice changes nothing.
"""

from questionnaires.bundled import COMPETENCE_RATING, HOMEWORK_BELIEFS, SCHEMA_SELF_CHECK
from worksheets.scoring.definitions import Band, Questionnaire

SELF_KNOWLEDGE = "self_knowledge"
PATIENTS = "patients"
SUPERVISING = "supervising"


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


def _long(label: str, help_text: str) -> dict:
    return {
        "type": "long_text",
        "value": {
            "label": label,
            "help_text": help_text,
            "required": False,
            "name": "",
            "max_length": 4000,
        },
    }


QUESTIONNAIRES = [
    as_template(SCHEMA_SELF_CHECK, topic=SELF_KNOWLEDGE),
    as_template(
        HOMEWORK_BELIEFS,
        topic=PATIENTS,
        after_items=[
            _long(
                "Which view stands out for this therapy, and what might it mean for the next task?",
                "A few sentences; use the patient's pseudonym only.",
            )
        ],
    ),
    as_template(
        COMPETENCE_RATING,
        topic=SUPERVISING,
        after_items=[
            _long(
                "Comments and examples from the session",
                "Moments from the recording that show what went well and what to practise, "
                "with times if you have them.",
            ),
            _long(
                "One thing to practise before the next recording",
                "Agree it together when you discuss the rating.",
            ),
        ],
    ),
]
