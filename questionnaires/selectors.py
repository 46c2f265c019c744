"""Reads: questionnaire administrations a person may see, filtered in the database by permission.

An administration is a submitted worksheet entry of a questionnaire version; its result was
stored at submission. It is *about* its author, or, for a rating of someone else, about its
subject. Who may read one is decided by the entry's ``view_entry`` permission alone: the author,
supervisors the author shared it with, and the subject of a released rating.
"""

from django.db.models import Exists, OuterRef, Q, QuerySet

from supervision.models import Supervision, User
from supervision.permissions import objects_for_user
from supervision.selectors.relationships import supervisions_as_supervisor
from worksheets.models import Entry, EntryUserObjectPermission, TemplateVersion, WorksheetTemplate
from worksheets.selectors.templates import templates_startable_by


def _administrations() -> QuerySet[Entry]:
    return Entry.objects.filter(
        status=Entry.Status.SUBMITTED,
        result__isnull=False,
        template_version__questionnaire__isnull=False,
    )


# What the history and comparison pages read of an administration: when, its stored result,
# whether it is a rating, and its version's title and number.
ADMINISTRATION_COLUMNS = (
    "submitted_at",
    "result",
    "subject",
    "template_version__title",
    "template_version__number",
)


def administrations_about(person: User, key: str, *, viewer: User) -> QuerySet[Entry]:
    """Every administration of one questionnaire about ``person`` that ``viewer`` may read, oldest first.

    Only ``ADMINISTRATION_COLUMNS`` are loaded (and the pk): the answers, the version's
    definition and questionnaire, and both people were most of the history page's query
    building and reading (issue 11). Reading another field costs a query per entry.
    """
    about = Q(subject=person) | Q(subject__isnull=True, author=person)
    entries = _administrations().filter(about, template_version__questionnaire_key=key)
    return (
        objects_for_user(viewer, "view_entry", entries)
        .select_related("template_version")
        .only(*ADMINISTRATION_COLUMNS)
        .order_by("submitted_at", "pk")
    )


def own_administrations(user: User) -> QuerySet[Entry]:
    """A person's own self-report results, newest first."""
    entries = _administrations().filter(author=user, subject__isnull=True)
    return (
        objects_for_user(user, "view_entry", entries)
        .select_related("template_version")
        .annotate(
            is_shared=Exists(
                EntryUserObjectPermission.objects.filter(
                    content_object=OuterRef("pk"), permission__codename="view_entry"
                ).exclude(user_id=user.pk)
            )
        )
        .order_by("-submitted_at", "-pk")
    )


def administrations_shared_with(user: User) -> QuerySet[Entry]:
    """Self-report results other people chose to share with this person, newest first."""
    entries = _administrations().exclude(author=user).filter(subject__isnull=True)
    return (
        objects_for_user(user, "view_entry", entries)
        .select_related("template_version", "author")
        .order_by("-submitted_at", "-pk")
    )


def ratings_received(user: User) -> QuerySet[Entry]:
    """Ratings of this person that their raters have released, newest first."""
    entries = _administrations().filter(subject=user, released_at__isnull=False)
    return (
        objects_for_user(user, "view_entry", entries)
        .select_related("template_version", "author")
        .order_by("-submitted_at", "-pk")
    )


def ratings_given(user: User) -> QuerySet[Entry]:
    """Ratings this person wrote about others, drafts included, newest first."""
    return (
        objects_for_user(
            user, "view_entry", Entry.objects.filter(author=user, subject__isnull=False)
        )
        .select_related("template_version", "subject")
        .order_by("-updated_at", "-pk")
    )


def questionnaires_startable_by(user: User) -> QuerySet[WorksheetTemplate]:
    """Published questionnaire templates the person may start, each with ``is_rating``.

    A rating form (filled in by a supervisor about a supervisee) is offered only to someone who
    supervises somebody now: ``rating_start_view`` answers 404 to anyone else (issue 16).
    """
    rating = TemplateVersion.objects.filter(
        pk=OuterRef("current_version_id"), questionnaire__rated_by_someone_else=True
    )
    return (
        templates_startable_by(user)
        .filter(is_questionnaire=True)
        .annotate(is_rating=Exists(rating))
        .filter(Q(is_rating=False) | Exists(Supervision.objects.filter(supervisor=user).active()))
        .order_by("title", "pk")
    )


def current_supervisees(user: User) -> QuerySet[User]:
    """Whom a supervisor may rate: the people they supervise now."""
    return User.objects.filter(
        pk__in=supervisions_as_supervisor(user).values("supervisee_id")
    ).order_by("display_name", "email")
