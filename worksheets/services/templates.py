"""Creating, copying, sharing and publishing worksheet templates, with the permissions that come with them."""

import copy
from collections.abc import Iterable

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction

from supervision.models import User
from supervision.permissions import grant, grant_exactly
from supervision.roles import COURSE_STAFF_GROUP
from worksheets.models import (
    TemplateVersion,
    WorksheetTemplate,
    WorksheetTemplateUserObjectPermission,
)
from worksheets.permissions import TEMPLATE_COLLEAGUE_PERMS, TEMPLATE_OWNER_PERMS

CURATOR_ACTIONS = ("add", "change", "delete", "view", "publish", "lock", "unlock")


@transaction.atomic
def library_curators_ensure() -> Group:
    """Course staff curate the library: they hold every model permission on worksheet templates."""
    content_type = ContentType.objects.get_for_model(WorksheetTemplate)
    staff, _ = Group.objects.get_or_create(name=COURSE_STAFF_GROUP)
    permissions = []
    for action in CURATOR_ACTIONS:
        # Wagtail adds publish/lock/unlock after migrations; create them here if we come first.
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type,
            codename=f"{action}_worksheettemplate",
            defaults={"name": f"Can {action} worksheet template"},
        )
        permissions.append(permission)
    staff.permissions.add(*permissions)
    return staff


@transaction.atomic
def worksheet_template_create(
    *,
    title: str,
    body: list[dict],
    topic: str = WorksheetTemplate.Topic.SELF_KNOWLEDGE,
    introduction: str = "",
    scoring: list[dict] | None = None,
    owner: User | None = None,
    library_key: str | None = None,
    user: User | None = None,
    publish: bool = False,
) -> WorksheetTemplate:
    """A new template as a draft with its first revision; published straight away if asked.

    ``scoring`` makes it a questionnaire (see ``worksheets.scoring.blocks``); a questionnaire that
    cannot be scored is refused before anything is published.
    """
    template = WorksheetTemplate(
        title=title,
        topic=topic,
        introduction=introduction,
        body=body,
        scoring=scoring or [],
        owner=owner,
        library_key=library_key,
        live=False,
        has_unpublished_changes=True,
    )
    template.full_clean()
    template.save()
    revision = template.save_revision(user=user, log_action="wagtail.create")
    if owner is not None:
        worksheet_template_owner_grant(template=template)
    if publish:
        questionnaire_publishable_check(template=template)
        revision.publish(user=user, skip_permission_checks=True)
        template.refresh_from_db()
    return template


@transaction.atomic
def worksheet_template_owner_grant(*, template: WorksheetTemplate) -> None:
    """The owner of a private template may do everything with it."""
    if template.owner_id is None:
        return
    grant(template.owner, TEMPLATE_OWNER_PERMS, template)


@transaction.atomic
def worksheet_template_copy(*, template: WorksheetTemplate, owner: User) -> WorksheetTemplate:
    """A private draft copy of what is published (or, for one's own drafts, what is being written)."""
    source = template if template.live else template.get_latest_revision_as_object()
    body = copy.deepcopy(list(source.body.raw_data))
    duplicate = WorksheetTemplate(
        title=f"{source.title} (my copy)"[:200],
        topic=source.topic,
        introduction=source.introduction,
        body=body,
        scoring=copy.deepcopy(list(source.scoring.raw_data)),
        owner=owner,
        copied_from=template,
        live=False,
        has_unpublished_changes=True,
    )
    duplicate.full_clean()
    duplicate.save()
    duplicate.save_revision(user=owner, log_action="wagtail.create")
    worksheet_template_owner_grant(template=duplicate)
    return duplicate


def template_colleagues(template: WorksheetTemplate) -> list[User]:
    """Everyone other than the owner who can edit a private template."""
    holders = WorksheetTemplateUserObjectPermission.objects.filter(
        content_object=template, permission__codename="change_worksheettemplate"
    ).exclude(user_id=template.owner_id)
    return list(User.objects.filter(pk__in=holders.values("user_id")))


@transaction.atomic
def worksheet_template_sharing_set(
    *, template: WorksheetTemplate, colleagues: Iterable[User]
) -> WorksheetTemplate:
    """Share a private template with exactly these colleagues (others stop having access)."""
    if template.is_library:
        raise ValidationError("Library templates are shared with everyone already.")
    colleagues = list(colleagues)
    if template.owner_id in {colleague.pk for colleague in colleagues}:
        raise ValidationError({"colleagues": "You cannot share a template with yourself."})
    grant_exactly(
        template,
        TEMPLATE_COLLEAGUE_PERMS,
        wanted=colleagues,
        current=template_colleagues(template),
    )
    return template


def questionnaire_publishable_check(*, template: WorksheetTemplate) -> None:
    """Refuse to publish a questionnaire that could not be scored, naming every problem."""
    authored = template.read_questionnaire()
    if authored is not None and not authored.publishable:
        raise ValidationError([problem.message for problem in authored.problems])


@transaction.atomic
def template_version_publish(
    *, template: WorksheetTemplate, published_by: User | None = None
) -> TemplateVersion:
    """Freeze the template as it is now live; publishing unchanged questions makes no new version.

    A questionnaire also freezes its scoring definition, so every administration of this version
    is scored the same way however the template changes later.
    """
    questionnaire_publishable_check(template=template)
    locked = WorksheetTemplate.objects.select_for_update().get(pk=template.pk)
    definition, questionnaire = template.frozen()
    latest = TemplateVersion.objects.filter(template=locked).order_by("-number").first()
    if (
        latest is not None
        and latest.definition == definition
        and latest.questionnaire == questionnaire
        and latest.title == template.title
        and latest.introduction == template.introduction
    ):
        return latest
    version = TemplateVersion(
        template=locked,
        number=latest.number + 1 if latest else 1,
        title=template.title,
        introduction=template.introduction,
        definition=definition,
        questionnaire=questionnaire,
        questionnaire_key=template.questionnaire_key if questionnaire else "",
        published_by=published_by,
    )
    version.full_clean()
    version.save()
    return version
