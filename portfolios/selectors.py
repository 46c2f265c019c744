"""Reads: a person's portfolios, the material they may choose from, and a portfolio as shown.

Only the owner's own material can be chosen (``choosable``): their submitted worksheet entries
(not questionnaires or ratings they wrote of others), the questionnaires they answered about
themselves, ratings of them their raters released, and lessons they completed. What is shown
(``portfolio_sections``) is read afresh from that material in a fixed number of queries,
whatever the number of items, and feedback is only what was released to the trainee.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet

from courses.models import LessonCompletion
from feedback.models import Feedback
from portfolios.models import Portfolio, PortfolioItem
from questionnaires import presenters as questionnaire_presenters
from questionnaires.selectors import own_administrations, ratings_received
from supervision.models import User
from supervision.permissions import objects_for_user
from worksheets.models import Entry
from worksheets.presenters import shown_elements


def portfolios_of(user: User) -> QuerySet[Portfolio]:
    """Portfolios the person may read (their own and those shared with them), newest first."""
    return (
        objects_for_user(user, "view_portfolio", Portfolio.objects.all())
        .select_related("owner")
        .order_by("-updated_at", "-pk")
    )


def own_entries(user: User) -> QuerySet[Entry]:
    """The person's submitted worksheet entries and reflections, questionnaires aside, newest first."""
    return (
        Entry.objects.filter(
            author=user,
            subject__isnull=True,
            status=Entry.Status.SUBMITTED,
            result__isnull=True,
        )
        .select_related("template_version")
        .order_by("-submitted_at", "-pk")
    )


def own_questionnaires(user: User) -> dict[str, str]:
    """The questionnaires the person answered about themselves: ``{key: title}``, by title."""
    found: dict[str, str] = {}
    for key, title in own_administrations(user).values_list(
        "template_version__questionnaire_key", "template_version__title"
    ):
        found.setdefault(key, title)
    return dict(sorted(found.items(), key=lambda pair: pair[1].lower()))


def own_lessons(user: User) -> QuerySet[LessonCompletion]:
    return (
        LessonCompletion.objects.filter(person=user)
        .select_related("lesson")
        .order_by("-completed_at")
    )


@dataclass
class Choice:
    """One thing the owner may add: the form value names it (``kind:identifier``)."""

    value: str
    label: str
    detail: str


def choosable(portfolio: Portfolio) -> dict[str, list[Choice]]:
    """What the owner may still add, by kind; what is already in the portfolio is left out."""
    owner = portfolio.owner
    items = list(portfolio.items.values_list("kind", "entry_id", "lesson_id", "questionnaire_key"))
    chosen_entries = {entry for _kind, entry, _lesson, _key in items if entry}
    chosen_lessons = {lesson for _kind, _entry, lesson, _key in items if lesson}
    chosen_keys = {key for kind, _entry, _lesson, key in items if kind == "questionnaire"}
    return {
        PortfolioItem.Kind.ENTRY: [
            Choice(f"entry:{e.pk}", e.display_title, f"submitted {e.submitted_at:%d %b %Y}")
            for e in own_entries(owner)[:200]
            if e.pk not in chosen_entries
        ],
        PortfolioItem.Kind.QUESTIONNAIRE: [
            Choice(f"questionnaire:{key}", title, "every time you answered it")
            for key, title in own_questionnaires(owner).items()
            if key not in chosen_keys
        ],
        PortfolioItem.Kind.RATING: [
            Choice(
                f"rating:{e.pk}",
                e.template_version.title,
                f"by {e.author.name}, {e.submitted_at:%d %b %Y}",
            )
            for e in ratings_received(owner)[:200]
            if e.pk not in chosen_entries
        ],
        PortfolioItem.Kind.LESSON: [
            Choice(f"lesson:{c.lesson_id}", c.lesson.title, f"completed {c.completed_at:%d %b %Y}")
            for c in own_lessons(owner)[:200]
            if c.lesson_id not in chosen_lessons
        ],
    }


@dataclass
class Section:
    """One item as shown: its heading, what it holds, and the owner's commentary."""

    item: PortfolioItem
    anchor: str
    title: str
    kind_label: str
    date: object = None
    elements: list = field(default_factory=list)
    reflection: str = ""
    feedback: list = field(default_factory=list)
    profile: object = None
    history: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    rater: str = ""
    summary: str = ""
    form: object = None


def portfolio_sections(portfolio: Portfolio) -> list[Section]:
    """The portfolio's items in order, each read from the owner's material.

    Five queries whatever the number of items: the items with their entries and lessons, the
    released feedback on those entries, and the questionnaire administrations over time.
    Material that is no longer the owner's to show (an entry reopened, a rating withdrawn) is
    left out rather than shown changed.
    """
    owner = portfolio.owner
    items = list(
        portfolio.items.select_related(
            "entry__template_version", "entry__author", "lesson"
        ).order_by("position", "pk")
    )
    entry_ids = [item.entry_id for item in items if item.kind == PortfolioItem.Kind.ENTRY]
    feedback_by_entry = defaultdict(list)
    if entry_ids:
        released = (
            Feedback.objects.filter(entry_id__in=entry_ids, status=Feedback.Status.RELEASED)
            .select_related("author")
            .order_by("released_at", "pk")
        )
        for comment in released:
            feedback_by_entry[comment.entry_id].append(comment)
    keys = [item.questionnaire_key for item in items if item.kind == "questionnaire"]
    runs_by_key = defaultdict(list)
    if keys:
        for entry in (
            own_administrations(owner)
            .filter(template_version__questionnaire_key__in=keys)
            .order_by("submitted_at", "pk")
        ):
            runs_by_key[entry.template_version.questionnaire_key].append(entry)
    completions = {}
    lesson_ids = [item.lesson_id for item in items if item.lesson_id]
    if lesson_ids:
        completions = dict(
            LessonCompletion.objects.filter(person=owner, lesson_id__in=lesson_ids).values_list(
                "lesson_id", "completed_at"
            )
        )

    sections = []
    for item in items:
        anchor = f"item-{item.pk}"
        entry = item.entry
        if item.kind == PortfolioItem.Kind.ENTRY:
            if entry.author_id != owner.pk or entry.status != Entry.Status.SUBMITTED:
                continue
            sections.append(
                Section(
                    item=item,
                    anchor=anchor,
                    title=entry.display_title,
                    kind_label="Worksheet entry",
                    date=entry.submitted_at,
                    elements=shown_elements(entry.definition, entry.get_data()),
                    reflection=entry.reflection,
                    feedback=feedback_by_entry[entry.pk],
                )
            )
        elif item.kind == PortfolioItem.Kind.RATING:
            if entry.subject_id != owner.pk or entry.released_at is None:
                continue
            result = questionnaire_presenters.administrations([entry])[0].result
            sections.append(
                Section(
                    item=item,
                    anchor=anchor,
                    title=entry.template_version.title,
                    kind_label="Rating received",
                    date=entry.submitted_at,
                    profile=questionnaire_presenters.profile(result),
                    rater=entry.author.name,
                )
            )
        elif item.kind == PortfolioItem.Kind.QUESTIONNAIRE:
            runs = questionnaire_presenters.administrations(runs_by_key[item.questionnaire_key])
            if not runs:
                continue
            sections.append(
                Section(
                    item=item,
                    anchor=anchor,
                    title=runs[-1].entry.template_version.title,
                    kind_label="Questionnaire results over time",
                    date=runs[-1].date,
                    history=questionnaire_presenters.history(runs),
                    dates=[run.date_label for run in runs],
                )
            )
        elif item.kind == PortfolioItem.Kind.LESSON:
            if item.lesson_id not in completions:
                continue
            sections.append(
                Section(
                    item=item,
                    anchor=anchor,
                    title=item.lesson.title,
                    kind_label="Lesson completed",
                    date=completions[item.lesson_id],
                    summary=item.lesson.summary,
                )
            )
    return sections
