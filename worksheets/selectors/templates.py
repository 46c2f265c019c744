"""Worksheet templates a person may see, use or share."""

from django.db.models import Q, QuerySet

from supervision.models import Supervision, User
from worksheets.models import WorksheetTemplate
from worksheets.permissions import worksheet_template_policy


def templates_visible_to(user: User) -> QuerySet[WorksheetTemplate]:
    """The library for everyone, plus the private templates the person owns or was given."""
    return worksheet_template_policy.instances_user_has_any_permission_for(user, ["view"])


def templates_startable_by(user: User) -> QuerySet[WorksheetTemplate]:
    """Published templates the person may see, each with its current version."""
    return (
        templates_visible_to(user)
        .filter(live=True)
        .with_current_version()
        .filter(current_version_id__isnull=False)
        .select_related("owner")
    )


def colleagues_of(user: User) -> QuerySet[User]:
    """The supervisors a template can be shared with: everyone who currently supervises someone."""
    supervisors = Supervision.objects.active().values("supervisor_id")
    return User.objects.filter(Q(pk__in=supervisors), is_active=True).exclude(pk=user.pk)
