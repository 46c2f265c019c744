"""A trainee with one of each kind of material a portfolio can hold, and someone else's."""

import uuid

import pytest

from courses.services.progress import lesson_complete
from feedback.services import feedback_create, feedback_release
from questionnaires.services import rating_release
from tests.courses.factories import enrol, make_course, make_lesson, make_module
from tests.factories import UserFactory
from tests.questionnaires.conftest import (  # noqa: F401 (fixtures, found by name)
    hand_check_template,
    hand_check_version,
    questionnaire,
    rating_version,
)
from tests.worksheets.conftest import SMALL_BODY, submit
from tests.worksheets.scoring.factories import administer
from worksheets.services.entries import entry_sharing_set, entry_start
from worksheets.services.templates import worksheet_template_create


def choice(kind, obj) -> str:
    return f"{kind}:{obj}"


@pytest.fixture
def material(request, supervisor, supervisee, supervision):
    """The supervisee's own material (and a stranger's entry that must never be addable)."""
    version_of_hand_check = request.getfixturevalue("hand_check_version")
    version_of_rating = request.getfixturevalue("rating_version")
    worksheet = worksheet_template_create(title="Small worksheet", body=SMALL_BODY, publish=True)
    version = worksheet.versions.get()
    entry = submit(
        entry_start(author=supervisee, template_version=version),
        reflection="I noticed my own hurry to fix things.",
    )
    entry_sharing_set(entry=entry, supervisors=[supervisor], allowed=[supervisor])
    released = feedback_create(
        entry=entry,
        author=supervisor,
        body="Good catch on the hot thought.",
        anchor="",
        client_token=uuid.uuid4(),
    )
    feedback_release(feedback=released, releaser=supervisor)
    feedback_create(
        entry=entry,
        author=supervisor,
        body="A draft still being written.",
        anchor="",
        client_token=uuid.uuid4(),
    )
    first = administer(supervisee, version_of_hand_check, days_ago=40)
    second = administer(supervisee, version_of_hand_check, days_ago=5)
    rating = rating_release(entry=administer(supervisor, version_of_rating, subject=supervisee))
    course = make_course("Foundations")
    lesson = make_lesson(make_module(course), "Guided discovery")
    enrol(course, supervisee)
    lesson_complete(person=supervisee, lesson=lesson)
    stranger = UserFactory(display_name="Stella Stranger")
    theirs = submit(entry_start(author=stranger, template_version=version))
    return {
        "entry": entry,
        "questionnaire_key": version_of_hand_check.questionnaire_key,
        "administrations": [first, second],
        "rating": rating,
        "lesson": lesson,
        "stranger": stranger,
        "strangers_entry": theirs,
    }
