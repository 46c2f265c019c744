"""Worksheet templates a person may see, use or share."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from supervision.models import Supervision, User
from worksheets.models import (
    TemplateVersion,
    WorksheetTemplate,
    WorksheetTemplateUserObjectPermission,
)
from worksheets.permissions import worksheet_template_policy


def templates_visible_to(user: User) -> QuerySet[WorksheetTemplate]:
    """The library for everyone, plus the private templates the person owns or was given."""
    return worksheet_template_policy.instances_user_has_any_permission_for(user, ["view"])


def templates_startable_by(user: User) -> QuerySet[WorksheetTemplate]:
    """Published templates the person may see, each with its current version and whether that
    version is a scored questionnaire."""
    scored = TemplateVersion.objects.filter(
        pk=OuterRef("current_version_id"), questionnaire__isnull=False
    )
    return (
        templates_visible_to(user)
        .filter(live=True)
        .with_current_version()
        .filter(current_version_id__isnull=False)
        .annotate(is_questionnaire=Exists(scored))
        .select_related("owner")
    )


def startable_template_ids(user: User, template_ids) -> frozenset[int]:
    """Which of ``template_ids`` the person may start, in one query.

    The same templates as ``templates_startable_by`` (visible, published, with a version), for
    a page that needs only their ids (a lesson's exercises): without the current version's
    annotations it costs a third of the work to build.
    """
    has_version = Exists(TemplateVersion.objects.filter(template=OuterRef("pk")))
    startable = templates_visible_to(user).filter(has_version, pk__in=template_ids, live=True)
    return frozenset(startable.values_list("pk", flat=True))


def sharing_candidates(template: WorksheetTemplate) -> QuerySet[User]:
    """Whom the owner can share a template with: every current supervisor, and whoever has it now."""
    supervisors = Supervision.objects.active().values("supervisor_id")
    holders = WorksheetTemplateUserObjectPermission.objects.filter(
        content_object=template, permission__codename="change_worksheettemplate"
    ).values("user_id")
    return (
        User.objects.filter(Q(pk__in=supervisors, is_active=True) | Q(pk__in=holders))
        .exclude(pk=template.owner_id)
        .order_by("display_name", "email")
    )
