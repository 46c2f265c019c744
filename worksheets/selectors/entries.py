"""Entries a person wrote, or that were shared with them."""

import datetime
import itertools
from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.db.models import Exists, OuterRef, Prefetch, Q, QuerySet, TextField
from django.db.models.fields.reverse_related import OneToOneRel
from django.db.models.functions import Cast

from supervision.models import User
from supervision.permissions import held_codenames, objects_for_user
from supervision.rows import Columns, objects_built, related_set, row_read
from supervision.selectors.relationships import supervisions_as_supervisee
from worksheets import definitions as d
from worksheets.models import Entry, EntryUserObjectPermission, TemplateVersion


@cache
def _link_relations() -> tuple[OneToOneRel, ...]:
    """The one-to-one relations other apps keep to an entry: homework's occurrence, a lesson's
    exercise, a recording's rating. The engine names none of them."""
    return tuple(relation for relation in Entry._meta.related_objects if relation.one_to_one)


def own_entry_with_links(author: User, pk: int) -> tuple[Entry, list[str]] | None:
    """The entry ``pk`` if ``author`` wrote it, with its template version and every link other
    apps keep to it (``_link_relations``), and the codenames ``author`` holds on it
    (``supervision.permissions.held_codenames``); None when ``author`` wrote no entry ``pk``.

    An app that reacts to the entry (``worksheets.signals``) reads its own link from it, so
    one the entry has no link to asks the database nothing: following a link, or the version,
    is no query (the hand-in of a homework entry ran a query in each app before links were read
    with it).

    For ``supervision.viewer.object_held``: the hand-in of an entry (the edit page's POST). One
    statement, written once per process (``_own_entry_sql``): built from a queryset with its
    links and the codenames it cost the hand-in five times the Python of reading the row
    (issue 11). The author is not joined: the caller has them.
    """
    held = held_codenames(author, Entry)
    sql, parts = _own_entry_sql(held.sql)
    row = row_read(sql, [*held.params, pk, author.pk])
    if row is None:
        return None
    entry, version, *linked = objects_built(row, parts)
    related_set(entry, Entry._meta.get_field("template_version"), version)
    for relation, link in zip(_link_relations(), linked, strict=True):
        related_set(entry, relation, link)
    return entry, [codename for codename in (row[-1] or "").split(",") if codename]


@cache
def _own_entry_sql(held: str) -> tuple[str, tuple[Columns, ...]]:
    """``own_entry_with_links``'s statement and the columns of its objects in the order they
    are selected (the entry, its template version, each link of ``_link_relations``), then
    ``held``: the codenames' subquery over the entry's table, whose parameters come first,
    then the entry's key and its author's. ``held`` is the same string on every call of a
    process (``held_codenames`` writes it once), so this is too."""
    quote = connection.ops.quote_name
    entries = quote(Entry._meta.db_table)  # not aliased: ``held`` names the table itself
    version = Entry._meta.get_field("template_version")
    links = _link_relations()
    parts = (
        Columns(Entry, entries),
        Columns(TemplateVersion, "v"),
        *(Columns(relation.related_model, f"l{at}") for at, relation in enumerate(links)),
    )
    kind = "LEFT OUTER JOIN" if version.null else "INNER JOIN"  # a free reflection has none
    joins = [
        f" {kind} {quote(TemplateVersion._meta.db_table)} v"
        f" ON v.{quote(version.target_field.column)} = {entries}.{quote(version.column)}"
    ]
    for at, relation in enumerate(links):
        key = relation.field  # the other app's one-to-one key to the entry
        joins.append(
            f" LEFT OUTER JOIN {quote(relation.related_model._meta.db_table)} l{at}"
            f" ON l{at}.{quote(key.column)} = {entries}.{quote(key.target_field.column)}"
        )
    sql = (
        f"SELECT {', '.join(part.sql for part in parts)}, ({held}) FROM {entries}{''.join(joins)}"
        f" WHERE {entries}.{quote(Entry._meta.pk.column)} = %s"
        f" AND {entries}.{quote(Entry._meta.get_field('author').column)} = %s"
    )
    return sql, parts


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
