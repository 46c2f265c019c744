"""When a course is deleted, its editing groups go with it and its review workflow is switched off."""

from django.db.models.signals import post_delete
from django.dispatch import receiver

from courses.models import CourseTeam


@receiver(post_delete, sender=CourseTeam)
def course_team_deleted(sender, instance: CourseTeam, **kwargs):
    from courses.services.team import course_team_dissolve

    course_team_dissolve(team=instance)
