"""Questionnaires for tests: one whose scores are easy to work out by hand, one of 100 items, and
helpers that publish a questionnaire as a worksheet template and submit administrations of it."""

from worksheets.scoring.definitions import (
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


# --- Questionnaires as worksheet templates, and their administrations ----------------------

ALL_THREES = {"w1": 3, "w2": 3, "w3": 3, "w4": 3, "d1": 3, "d2": 3, "d3": 3}


def questionnaire_template(questionnaire=None, *, owner=None, publish=True, after_items=()):
    """A worksheet template holding ``questionnaire`` (the hand-check one by default)."""
    from worksheets.library.questionnaires import as_template
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


def hundred_items() -> Questionnaire:
    """Ten scales of ten items on 1-6, every third item reversed, alternating sum and mean."""
    scales = []
    for number in range(10):
        method = MEAN if number % 2 else SUM
        low, high = (1, 6) if method == MEAN else (10, 60)
        middle = "3.49" if method == MEAN else "34"
        upper = "3.5" if method == MEAN else "35"
        scales.append(
            Scale(
                name=f"scale_{number}",
                title=f"Scale {number}",
                method=method,
                max_missing=2,
                bands=(
                    Band("lower", low, middle, "Lower half."),
                    Band("upper", upper, high, "Upper half."),
                ),
            )
        )
    items = [
        Item(f"item_{n}", f"Statement {n}", f"scale_{n % 10}", reverse_keyed=n % 3 == 0)
        for n in range(100)
    ]
    return Questionnaire(
        slug="hundred",
        title="Hundred items",
        likert=LikertRange(1, 6, (Anchor(1, "Never"), Anchor(6, "Always"))),
        scales=tuple(scales),
        items=tuple(items),
        total=Total("Total", method=SUM, max_missing=10, pass_mark=300),
    )
