"""Drafts of homework in supervisions that have already ended are closed, as ending now does.

``supervision_homework_close`` takes back the supervisee's change and delete permissions on the
unfinished entries of an ended relationship's homework (issue 10, item 8). Relationships that
ended before it did so keep those permissions; this takes them back the same way.
"""

from django.db import migrations
from django.db.models import F, Q
from django.utils import timezone


def close_drafts_of_ended_supervisions(apps, schema_editor):
    Granted = apps.get_model("worksheets", "EntryUserObjectPermission")
    today = timezone.localdate()
    ended = Q(content_object__occurrence__assignment__supervision__ended_on__lte=today)
    Granted.objects.filter(
        ended,
        permission__codename__in=("change_entry", "delete_entry"),
        user_id=F("content_object__author_id"),
    ).exclude(content_object__status="submitted").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("homework", "0008_homework_permissions_while_active"),
        ("worksheets", "0003_submissions"),
    ]

    operations = [
        migrations.RunPython(close_drafts_of_ended_supervisions, migrations.RunPython.noop),
    ]
