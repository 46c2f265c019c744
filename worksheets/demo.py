"""Demo worksheets: the bundled library plus a few invented entries, created through the services.

Running it again changes nothing: entries are found again by their start tokens.
"""

import datetime
import uuid

from django.db import transaction
from django.utils import timezone

from supervision.models import User
from worksheets.models import Entry, TemplateVersion, WorksheetTemplate
from worksheets.selectors.entries import supervisors_of
from worksheets.services.entries import entry_sharing_set, entry_start, entry_submit
from worksheets.services.library import library_load

DEMO_NAMESPACE = uuid.UUID("6f1f7c52-2f7a-4b8e-9a57-3d0c8f1e0b11")


def _version(key: str) -> TemplateVersion:
    template = WorksheetTemplate.objects.get(library_key=key)
    return template.versions.order_by("-number").first()


def _by_label(version: TemplateVersion, answers: dict) -> dict:
    names = {field["label"]: field["name"] for field in version.answer_fields}
    return {names[label]: value for label, value in answers.items()}


def _entry(person: User, key: str, token: str) -> Entry:
    return entry_start(
        author=person, template_version=_version(key), start_token=uuid.uuid5(DEMO_NAMESPACE, token)
    )


def _submit(entry: Entry, answers: dict, reflection: str = "") -> Entry:
    if not entry.is_editable:
        return entry
    return entry_submit(
        entry=entry,
        answers=_by_label(entry.template_version, answers),
        reflection=reflection,
        expected_version=entry.version,
        session=uuid.uuid4().hex,
    )


@transaction.atomic
def seed_worksheets(people: dict[str, User]) -> None:
    library_load()
    lina, omar = people["trainee1"], people["trainee2"]
    last_week = (timezone.localdate() - datetime.timedelta(days=6)).isoformat()

    thought_record = _submit(
        _entry(lina, "thought-record", "lina-thought-record"),
        {
            "Date": last_week,
            "About what time?": "18:40",
            "Situation": (
                "After a session with 'Mr Birch' I reread my notes and saw I had forgotten to set "
                "homework again."
            ),
            "Emotions at the time": [
                {"emotion": "Embarrassed", "how_strong_0_100": 70},
                {"emotion": "Anxious", "how_strong_0_100": 55},
            ],
            "Automatic thoughts": (
                "My supervisor will think I am careless. I will never get the structure right."
            ),
            "How much did I believe the most painful thought?": 80,
            "What supports that thought?": "It is the second time this month.",
            "What does not fit with it?": (
                "In most sessions I do set homework, and Mr Birch did last week's exercise."
            ),
            "A more balanced thought": (
                "I forget homework when sessions run late; that is a pattern I can fix, not proof "
                "that I am careless."
            ),
            "How much do I believe the balanced thought?": 65,
            "Emotions now": [
                {"emotion": "Embarrassed", "how_strong_now_0_100": 30},
                {"emotion": "Anxious", "how_strong_now_0_100": 20},
            ],
            "What did I learn about using this method with patients?": (
                "Finding evidence against the thought took longer than I expected; I will give "
                "patients more time for that column."
            ),
        },
        reflection="I would like to talk about keeping an eye on the clock in sessions.",
    )
    supervisors = supervisors_of(lina)
    if not thought_record.entryuserobjectpermission_set.exclude(user=lina).exists():
        entry_sharing_set(
            entry=thought_record,
            supervisors=supervisors.filter(pk=people["supervisor"].pk),
            allowed=supervisors,
        )

    # A draft Lina is still writing: private to her, as every draft is.
    _entry(lina, "expectations-and-needs", "lina-expectations")

    _submit(
        _entry(omar, "countertransference-vicious-circle", "omar-circle"),
        {
            "Patient (pseudonym only)": "Ms Lark",
            "The circle in the session": {
                "situation": "She said the exercises were pointless and looked at her phone.",
                "thoughts": "She thinks I am useless. I have to convince her.",
                "emotions": [
                    {"emotion": "Irritated", "intensity": 60},
                    {"emotion": "Anxious", "intensity": 50},
                ],
                "body": "Tight jaw, talking faster.",
                "behaviours": "I explained the rationale at length and stopped asking questions.",
                "alternative": "Slow down and ask what would make the exercises worth her time.",
            },
            "How strong was my reaction?": 7,
            "How might this reaction affect the therapy if I do not notice it?": (
                "I take over, she becomes more passive, and the homework is mine rather than hers."
            ),
            "Which of my own beliefs or rules does this touch?": "If a patient is not convinced, I have failed.",
        },
    )
