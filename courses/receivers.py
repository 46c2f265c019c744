"""Receivers: a deleted course takes its editing groups along; a submitted exercise completes its lesson.

Each receiver only hands over to a service. They are connected in ``CoursesConfig.ready()``.
"""

from courses.services.exercises import exercise_entry_submitted
from courses.services.team import course_team_dissolve


def course_team_deleted(sender, instance, **kwargs):
    """Django's post_delete of a CourseTeam: its groups go and its review workflow is switched off."""
    course_team_dissolve(team=instance)


def entry_submitted(sender, *, entry, **kwargs):
    """worksheets.signals.entry_submitted: an entry started from a lesson completes that lesson."""
    exercise_entry_submitted(entry=entry)
