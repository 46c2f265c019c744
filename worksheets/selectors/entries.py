"""Entries a person wrote, or that were shared with them."""

import datetime
import itertools
from dataclasses import dataclass
from functools import cache

from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, TextField
from django.db.models.functions import Cast

from supervision.models import User
from supervision.permissions import objects_for_user
from supervision.selectors.relationships import supervisions_as_supervisee
from worksheets import definitions as d
from worksheets.models import Entry, EntryUserObjectPermission


@cache
def _links() -> tuple[str, ...]:
    return tuple(
        relation.get_accessor_name()
        for relation in Entry._meta.related_objects
        if relation.one_to_one
    )


def with_links(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    """``entries`` with every one-to-one link that other apps keep to an entry, in the same query.

    The engine names none of them: they are the entry's one-to-one reverse relations (homework's
    occurrence, a lesson's exercise, a recording's rating). An app that reacts to an entry
    (``worksheets.signals``) reads its own link from the entry, so one the entry has no link to
    asks the database nothing (the hand-in of a homework entry ran a query in each app).
    """
    return entries.select_related(*_links())


def _readers(user_field: str = "author") -> Exists:
    return Exists(
        EntryUserObjectPermission.objects.filter(
            content_object=OuterRef("pk"), permission__codename="view_entry"
        ).exclude(user_id=OuterRef(f"{user_field}_id"))
    )


def _author_may_change() -> Exists:
    """Whether the author still holds ``change_entry`` (a draft they can go on writing)."""
    return Exists(
        EntryUserObjectPermission.objects.filter(
            content_object=OuterRef("pk"),
            permission__codename="change_entry",
            user_id=OuterRef("author_id"),
        )
    )


def entries_of(
    user: User,
    *,
    search: str = "",
    template: str = "",
    status: str = "",
    sharing: str = "",
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> QuerySet[Entry]:
    """A person's own entries that they can still open, newest first, with who can read each.

    ``may_change`` says whether the author may still write in the entry: a draft whose
    permission was taken back (its homework's supervision ended) is read, not continued.
    """
    entries = (
        objects_for_user(user, "view_entry", Entry.objects.filter(author=user))
        .select_related("template_version", "subject")
        .annotate(is_shared=_readers(), may_change=_author_may_change())
        .prefetch_related(
            Prefetch(
                "entryuserobjectpermission_set",
                queryset=EntryUserObjectPermission.objects.filter(permission__codename="view_entry")
                .exclude(user=user)
                .select_related("user"),
                to_attr="reader_permissions",
            )
        )
        .order_by("-updated_at", "-pk")
    )
    if search:
        entries = entries.annotate(answers_text=Cast("answers", TextField())).filter(
            Q(template_version__title__icontains=search)
            | Q(title__icontains=search)
            | Q(reflection__icontains=search)
            | Q(answers_text__icontains=search)
        )
    if template:
        entries = entries.filter(template_version__title=template)
    if status:
        entries = entries.filter(status=status)
    if sharing == "shared":
        entries = entries.filter(is_shared=True)
    elif sharing == "private":
        entries = entries.filter(is_shared=False)
    if date_from:
        entries = entries.filter(created_at__date__gte=date_from)
    if date_to:
        entries = entries.filter(created_at__date__lte=date_to)
    return entries


def entry_template_titles(user: User) -> list[str]:
    """The worksheets a person has entries for, for the list's filter."""
    return list(
        Entry.objects.filter(author=user, template_version__isnull=False)
        .order_by("template_version__title")
        .values_list("template_version__title", flat=True)
        .distinct()
    )


def entries_shared_with(user: User) -> QuerySet[Entry]:
    """Submitted entries other people chose to let this person read.

    Ratings of this person released to them are not shared entries; they are listed with the
    person's questionnaires.
    """
    return (
        objects_for_user(
            user,
            "view_entry",
            Entry.objects.exclude(author=user)
            .exclude(subject=user)
            .filter(status=Entry.Status.SUBMITTED),
        )
        .select_related("author", "template_version")
        .order_by("-submitted_at", "-pk")
    )


def supervisors_of(user: User) -> QuerySet[User]:
    """The author's current supervisors: the people a self-practice entry can be shared with."""
    return User.objects.filter(
        pk__in=supervisions_as_supervisee(user).values("supervisor_id")
    ).order_by("display_name", "email")


@dataclass(frozen=True)
class Resubmission:
    """One hand-in after the first: when, and which questions read differently from the one before."""

    number: int
    submitted_at: datetime.datetime
    changed: list[str]


def entry_resubmissions(entry: Entry) -> list[Resubmission]:
    """What changed at each hand-in of a reopened and revised entry, oldest first (one query)."""
    submissions = list(entry.submissions.order_by("number"))
    labels = [
        (element["name"], element.get("label") or element["name"])
        for element in d.answer_fields(entry.definition or [])
    ]
    changes = []
    for before, after in itertools.pairwise(submissions):
        changed = [
            label
            for name, label in labels
            if (before.answers or {}).get(name) != (after.answers or {}).get(name)
        ]
        if before.reflection != after.reflection:
            changed.append("Free reflection")
        changes.append(Resubmission(after.number, after.submitted_at, changed))
    return changes
