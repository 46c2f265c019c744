"""A small questionnaire whose scores are easy to work out by hand."""

import pytest

from questionnaires.scoring import (
    MEAN,
    SUM,
    Anchor,
    Band,
    Item,
    LikertRange,
    Questionnaire,
    Scale,
    Total,
)


def make_questionnaire(**overrides) -> Questionnaire:
    """Likert 1-5; "worry" is a mean of 4 items, "drive" a sum of 3, with a total over all 7.

    worry: w1, w2, w3 (reverse), w4; one item may be missing; bands 1-2.49 / 2.5-3.49 / 3.5-5.
    drive: d1, d2 (reverse), d3; one item may be missing; possible 3-15; bands 3-7 / 8-11 / 12-15.
    total: sum of the 7 items, possible 7-35, two may be missing, pass mark 21.
    """
    fields = {
        "slug": "hand-check",
        "title": "Hand check",
        "likert": LikertRange(1, 5, (Anchor(1, "Not at all"), Anchor(5, "Completely"))),
        "scales": (
            Scale(
                name="worry",
                title="Worry",
                method=MEAN,
                max_missing=1,
                bands=(
                    Band("low", "1", "2.49", "Little worry."),
                    Band("moderate", "2.5", "3.49", "Some worry."),
                    Band("high", "3.5", "5", "Much worry."),
                ),
            ),
            Scale(
                name="drive",
                title="Drive",
                method=SUM,
                max_missing=1,
                bands=(
                    Band("low", 3, 7, "Little drive."),
                    Band("moderate", 8, 11, "Some drive."),
                    Band("high", 12, 15, "Much drive."),
                ),
            ),
        ),
        "items": (
            Item("w1", "First worry item", "worry"),
            Item("d1", "First drive item", "drive"),
            Item("w2", "Second worry item", "worry"),
            Item("d2", "Second drive item", "drive", reverse_keyed=True),
            Item("w3", "Third worry item", "worry", reverse_keyed=True),
            Item("d3", "Third drive item", "drive"),
            Item("w4", "Fourth worry item", "worry"),
        ),
        "total": Total(
            title="Total",
            method=SUM,
            max_missing=2,
            pass_mark=21,
            bands=(
                Band("below", 7, 20, "Below the pass mark."),
                Band("at or above", 21, 35, "At or above the pass mark."),
            ),
        ),
    }
    fields.update(overrides)
    return Questionnaire(**fields)


@pytest.fixture
def questionnaire() -> Questionnaire:
    return make_questionnaire()


# --- Questionnaires as worksheet templates, and their administrations ----------------------

ALL_THREES = {"w1": 3, "w2": 3, "w3": 3, "w4": 3, "d1": 3, "d2": 3, "d3": 3}


def questionnaire_template(questionnaire=None, *, owner=None, publish=True, after_items=()):
    """A worksheet template holding ``questionnaire`` (the hand-check one by default)."""
    from questionnaires.library import as_template
    from worksheets.services.templates import worksheet_template_create

    spec = as_template(
        questionnaire or make_questionnaire(), topic="self_knowledge", after_items=after_items
    )
    return worksheet_template_create(
        title=spec["title"],
        introduction=spec["introduction"],
        body=spec["body"],
        scoring=spec["scoring"],
        owner=owner,
        publish=publish,
    )


def administer(author, version, answers=None, *, days_ago=0, subject=None, reflection=""):
    """A submitted administration of ``version`` by ``author`` (a rating when ``subject``)."""
    import datetime
    import uuid

    from django.utils import timezone

    from worksheets.services.entries import entry_start, entry_submit

    entry = entry_start(author=author, template_version=version, subject=subject)
    return entry_submit(
        entry=entry,
        answers=ALL_THREES if answers is None else answers,
        reflection=reflection,
        expected_version=entry.version,
        session=uuid.uuid4().hex,
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago),
    )


@pytest.fixture
def hand_check_template(db):
    return questionnaire_template()


@pytest.fixture
def hand_check_version(hand_check_template):
    return hand_check_template.versions.get()


@pytest.fixture
def rating_version(db):
    rating = make_questionnaire(slug="hand-rating", title="Hand rating", rated_by_someone_else=True)
    return questionnaire_template(rating).versions.get()
