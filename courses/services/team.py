"""The per-course editing team: Wagtail groups, page and collection permissions, and the review workflow.

Moderation: course staff add and edit pages in their course's subtree and submit them for
review; the course's leads approve (which publishes) or publish directly. No one gets any
permission outside the course, and nothing here grants access to supervision material.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from courses.models import CoursePage, CourseTeam, Enrollment
from supervision.models import User
from supervision.roles import COURSE_STAFF_GROUP
from supervision.services.people import groups_ensure

STAFF_PAGE_PERMISSIONS = ("add_page", "change_page")
LEAD_PAGE_PERMISSIONS = ("publish_page", "lock_page", "unlock_page")
STAFF_COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def _page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


@transaction.atomic
def course_team_ensure(*, course: CoursePage) -> CourseTeam:
    """The course's team, created with its groups, permissions and workflow the first time."""
    team = CourseTeam.objects.select_related("staff_group", "leads_group").filter(course=course)
    if existing := team.first():
        return existing

    staff_group, _ = Group.objects.get_or_create(name=f"Course {course.pk} staff")
    leads_group, _ = Group.objects.get_or_create(name=f"Course {course.pk} leads")
    for codename in STAFF_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=staff_group, page=course, permission=_page_permission(codename)
        )
    for codename in LEAD_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=leads_group, page=course, permission=_page_permission(codename)
        )

    collection = Collection.get_first_root_node().add_child(
        instance=Collection(name=f"Course {course.pk}: {course.title}"[:255])
    )
    for app_label, codename in STAFF_COLLECTION_PERMISSIONS:
        GroupCollectionPermission.objects.get_or_create(
            group=staff_group,
            collection=collection,
            permission=Permission.objects.get(content_type__app_label=app_label, codename=codename),
        )

    workflow = Workflow.objects.create(name=f"Course lead review: {course.title}"[:255])
    task = GroupApprovalTask.objects.create(name=f"Approval by the leads of course {course.pk}")
    task.groups.set([leads_group])
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=course, defaults={"workflow": workflow})

    team = CourseTeam(
        course=course,
        staff_group=staff_group,
        leads_group=leads_group,
        collection=collection,
        workflow=workflow,
    )
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def course_team_sync_member(*, course: CoursePage, person: User, role: str | None) -> None:
    """Put the person in the groups their role in this course calls for, and out of the others."""
    is_staff = role in Enrollment.STAFF_ROLES
    if is_staff:
        team = course_team_ensure(course=course)
    else:
        team = CourseTeam.objects.filter(course=course).first()

    if team is not None:
        if is_staff:
            person.groups.add(team.staff_group)
        else:
            person.groups.remove(team.staff_group)
        if role == Enrollment.Role.LEAD:
            person.groups.add(team.leads_group)
        else:
            person.groups.remove(team.leads_group)

    if is_staff:
        # The shared group opens the Wagtail admin. It is not taken away when a staff role
        # ends: administrators also place people in it directly (for example to curate the
        # worksheet library), and without the course's own group it grants no pages at all.
        person.groups.add(groups_ensure()[COURSE_STAFF_GROUP])


@transaction.atomic
def course_team_dissolve(*, team: CourseTeam) -> None:
    """Remove what only the deleted course's team used; its collection keeps the files."""
    Group.objects.filter(pk__in=[team.staff_group_id, team.leads_group_id]).delete()
    workflow = Workflow.objects.filter(pk=team.workflow_id).first()
    if workflow is not None and workflow.active:
        workflow.deactivate()
