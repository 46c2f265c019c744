"""Demo questionnaires: each trainee's schema self-check three times over six months, and a rating.

Everything goes through the services; running it again changes nothing (entries are found again
by their start tokens, and only entries still in draft are submitted).
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from questionnaires.services import rating_release
from supervision.models import User
from worksheets.library.questionnaires import COMPETENCE_RATING, SCHEMA_SELF_CHECK
from worksheets.models import Entry, EntryUserObjectPermission, TemplateVersion
from worksheets.scoring.definitions import Questionnaire
from worksheets.selectors.entries import supervisors_of
from worksheets.services.entries import entry_sharing_set, entry_start, entry_submit

DEMO_NAMESPACE = uuid.UUID("0c7d2a8e-5b0f-4a53-8f55-0f8c7e3a1d42")

# Days before today of the three administrations, and for each trainee how strongly each schema
# showed at each one (1 to 6): the history chart shows these changes.
WHEN = (182, 95, 8)
LEVELS = {
    "trainee1": {
        "demanding_standards": (5.4, 4.6, 3.6),
        "self_sacrifice": (4.4, 4.0, 3.4),
        "special_superior": (1.6, 1.6, 1.4),
        "need_for_approval": (4.8, 4.0, 3.2),
        "need_for_control": (3.2, 3.0, 2.8),
        "fear_of_rejection": (4.0, 3.4, 2.6),
        "anger_conflict": (3.6, 3.4, 3.0),
        "helplessness": (2.8, 2.2, 1.8),
    },
    "trainee2": {
        "demanding_standards": (3.0, 3.2, 2.8),
        "self_sacrifice": (2.4, 2.6, 2.4),
        "special_superior": (3.6, 3.0, 2.4),
        "need_for_approval": (2.6, 2.4, 2.2),
        "need_for_control": (4.8, 4.2, 3.4),
        "fear_of_rejection": (2.2, 2.0, 2.0),
        "anger_conflict": (4.4, 3.8, 3.0),
        "helplessness": (3.8, 3.0, 2.2),
    },
}
# Which administration each trainee shared, and with whom.
SHARED = {"trainee1": (2, "supervisor"), "trainee2": (1, "supervisor_in_training")}
COMPETENCE = {
    "agenda_setting": 4,
    "feedback": 3,
    "collaboration": 4,
    "pacing": 2,
    "interpersonal_effectiveness": 5,
    "emotional_expression": 3,
    "key_cognitions": 4,
    "behaviours": 3,
    "guided_discovery": 3,
    "conceptual_integration": 3,
    "change_methods": 3,
    "homework_setting": 2,
}


def _version(key: str) -> TemplateVersion:
    return TemplateVersion.objects.filter(questionnaire_key=key).order_by("-number").first()


def answers_at(questionnaire: Questionnaire, levels: dict[str, float], seed: int) -> dict:
    """Answers whose scale means come near ``levels``: the level, nudged a little per item."""
    likert = questionnaire.likert
    answers = {}
    for index, item in enumerate(questionnaire.items):
        nudge = ((index * 7 + seed * 3) % 5 - 2) * 0.4
        value = round(levels[item.scale] + nudge)
        value = max(likert.minimum, min(likert.maximum, value))
        answers[item.machine_name] = likert.reverse(value) if item.reverse_keyed else value
    return answers


def _submit(entry: Entry, answers: dict, *, days_ago: int, reflection: str = "") -> Entry:
    if not entry.is_editable:
        return entry
    return entry_submit(
        entry=entry,
        answers=answers,
        reflection=reflection,
        expected_version=entry.version,
        session=uuid.uuid4().hex,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


def _is_shared(entry: Entry) -> bool:
    return (
        EntryUserObjectPermission.objects.filter(content_object=entry)
        .exclude(user_id=entry.author_id)
        .exists()
    )


@transaction.atomic
def seed_questionnaires(people: dict[str, User]) -> None:
    version = _version(SCHEMA_SELF_CHECK)
    questionnaire = Questionnaire.from_dict(version.questionnaire)
    for key, levels in LEVELS.items():
        person = people[key]
        entries = []
        for number, days_ago in enumerate(WHEN):
            entry = entry_start(
                author=person,
                template_version=version,
                start_token=uuid.uuid5(DEMO_NAMESPACE, f"{key}-schema-{number}"),
            )
            answers = answers_at(
                questionnaire, {scale: row[number] for scale, row in levels.items()}, number
            )
            entries.append(_submit(entry, answers, days_ago=days_ago))
        shared_index, supervisor_key = SHARED[key]
        shared = entries[shared_index]
        if not _is_shared(shared):
            supervisors = supervisors_of(person)
            entry_sharing_set(
                entry=shared,
                supervisors=supervisors.filter(pk=people[supervisor_key].pk),
                allowed=supervisors,
            )

    # Dr Holt rated a recorded session of Lina's and released the rating to her.
    # entry_start with a subject is how rating_start starts one; the demo's own key makes a
    # second seed find the same rating.
    rating = entry_start(
        author=people["supervisor"],
        template_version=_version(COMPETENCE_RATING),
        subject=people["trainee1"],
        start_token=uuid.uuid5(DEMO_NAMESPACE, "holt-rates-lina"),
    )
    rating = _submit(
        rating,
        {
            **COMPETENCE,
            "comments_and_examples_from_the_session": (
                "Warm and attentive throughout; at 12:40 you summarised 'Ms Reed's' account "
                "well. The agenda slipped after the homework review and the new task was "
                "agreed in the last two minutes."
            ),
            "one_thing_to_practise_before_the_next_recording": (
                "Leave ten minutes for setting homework and check confidence out loud."
            ),
        },
        days_ago=20,
    )
    if not rating.is_released:
        rating_release(entry=rating)
