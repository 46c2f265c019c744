"""Reads: the feedback a person may see on an entry, and the entries waiting for a supervisor's."""

from collections import defaultdict

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce, TruncDate

from feedback.models import Feedback, FeedbackReply, FeedbackRevision
from feedback.permissions import supervised_entries
from supervision.models import User
from supervision.permissions import objects_for_user
from worksheets.models import Entry

WHOLE_ENTRY = ""
# What a list of entries awaiting feedback shows (feedback.presenters.AwaitingRow): the title
# (Entry.display_title: the worksheet's, and the person a rating is about), author and date.
LIST_COLUMNS = (
    "title",
    "submitted_at",
    "template_version__title",
    *User.name_columns("author", "subject"),
)


def feedback_visible_to(user: User, entry: Entry) -> QuerySet[Feedback]:
    """Comments on the entry the person holds view permission on, oldest first, threads included."""
    return (
        objects_for_user(user, "view_feedback", Feedback.objects.filter(entry=entry))
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "replies",
                queryset=FeedbackReply.objects.select_related("author").order_by(
                    "created_at", "pk"
                ),
            ),
            Prefetch(
                "revisions",
                queryset=FeedbackRevision.objects.select_related("edited_by").order_by(
                    "-edited_at", "-pk"
                ),
            ),
        )
        .order_by("created_at", "pk")
    )


def threads_for_entry(entry: Entry, user: User) -> dict[str, list[Feedback]]:
    """The visible comments grouped by anchor (``WHOLE_ENTRY`` for the entry as a whole).

    Three queries whatever the number of comments, replies and revisions.
    """
    threads: dict[str, list[Feedback]] = defaultdict(list)
    for feedback in feedback_visible_to(user, entry):
        feedback.entry = entry
        threads[feedback.anchor].append(feedback)
    return dict(threads)


def entries_awaiting_feedback(supervisor: User) -> QuerySet[Entry]:
    """Submitted entries of the supervisor's supervisees that they can read and have not yet
    released feedback on, oldest submitted first: which entries, in which order.

    A list pages through their pks and loads what it shows of one page with ``awaiting_listed``:
    PostgreSQL planned this query with the list's three joins (author, subject, worksheet
    version) beside its permission, relationship and feedback tests in 3.5-9 ms each time,
    longer than running it; the two queries plan in about 1 ms together (issue 11).
    """
    released = Feedback.objects.filter(
        entry=OuterRef("pk"), author=supervisor, status=Feedback.Status.RELEASED
    )
    readable = objects_for_user(
        supervisor,
        "view_entry",
        Entry.objects.filter(status=Entry.Status.SUBMITTED).exclude(author=supervisor),
    )
    return (
        # Named for the relationship test (supervised_entries) only: not a column of the rows.
        readable.alias(submitted_on=TruncDate("submitted_at"))
        .filter(supervised_entries(supervisor))
        .exclude(Exists(released))
        .order_by("submitted_at", "pk")
    )


def awaiting_listed(supervisor: User, pks: list[int]) -> list[Entry]:
    """The entries ``pks`` (a page of ``entries_awaiting_feedback``), in that order, with what
    a list shows: title, submitted_at, the worksheet version's title, the author's and the
    subject's names, and ``drafts_waiting`` (the supervisor's draft comments on each). One
    query, none for no pks; an entry gone since its pk was read is left out.
    """
    if not pks:
        return []
    drafts = (
        Feedback.objects.filter(
            entry=OuterRef("pk"), author=supervisor, status=Feedback.Status.DRAFT
        )
        .order_by()
        .values("entry")
        .annotate(count=Count("pk"))
        .values("count")
    )
    entries = (
        Entry.objects.filter(pk__in=pks)
        .annotate(drafts_waiting=Coalesce(Subquery(drafts, output_field=IntegerField()), 0))
        # The subject too: a rating's title names the person rated (Entry.display_title).
        .select_related("author", "template_version", "subject")
        # A list names each entry; the answers and the worksheet's questions are read on its page
        # (JSON decoding them was a tenth of this query's cost on the dashboard, and the other
        # columns of the four wide rows a fifth of its building, issue 11).
        .only(*LIST_COLUMNS)
    )
    by_pk = {entry.pk: entry for entry in entries}
    return [by_pk[pk] for pk in pks if pk in by_pk]
