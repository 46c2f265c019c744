"""Reviewing and working on homework become permissions, held while the supervision runs.

Existing homework gets them from its relationship's state: in a running supervision both people
may review and the supervisee may hand in entries; in an ended one the supervisor no longer
changes the homework (until now the views checked the end date instead).
"""

from django.db import migrations
from django.db.models import Q
from django.utils import timezone

NEW_PERMISSIONS = [
    ("review_assignment", "Can record the review of this homework"),
    ("work_on_assignment", "Can hand in entries for this homework"),
]


def grant_by_relationship_state(apps, schema_editor):
    Assignment = apps.get_model("homework", "Assignment")
    Permission = apps.get_model("auth", "Permission")
    Granted = apps.get_model("homework", "AssignmentUserObjectPermission")
    if not Assignment.objects.exists():
        return  # a new database: the services grant everything from the start
    # Permissions are otherwise made after the last migration; these two are needed now.
    ContentType = apps.get_model("contenttypes", "ContentType")
    assignment_type, _ = ContentType.objects.get_or_create(app_label="homework", model="assignment")
    for codename, name in NEW_PERMISSIONS:
        Permission.objects.get_or_create(
            content_type=assignment_type, codename=codename, defaults={"name": name}
        )
    perms = {p.codename: p for p in Permission.objects.filter(content_type__app_label="homework")}
    today = timezone.localdate()
    running = Q(supervision__started_on__lte=today) & (
        Q(supervision__ended_on__isnull=True) | Q(supervision__ended_on__gt=today)
    )
    rows = []
    for assignment in Assignment.objects.filter(running).select_related("supervision"):
        supervision = assignment.supervision
        for user_id, codenames in (
            (supervision.supervisor_id, ("review_assignment",)),
            (supervision.supervisee_id, ("review_assignment", "work_on_assignment")),
        ):
            rows += [
                Granted(content_object=assignment, user_id=user_id, permission=perms[codename])
                for codename in codenames
            ]
    Granted.objects.bulk_create(rows, ignore_conflicts=True)
    Granted.objects.filter(
        permission=perms["change_assignment"],
        content_object__in=Assignment.objects.exclude(running),
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("homework", "0007_entry_attachments"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="assignment",
            options={
                "ordering": ["-created_at", "-pk"],
                "permissions": NEW_PERMISSIONS,
            },
        ),
        migrations.RunPython(grant_by_relationship_state, migrations.RunPython.noop),
    ]
