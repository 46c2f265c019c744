"""Which worksheet entries were started from a lesson's exercise, so that submitting one completes the lesson.

The link lives in the course app: the worksheets app knows nothing about lessons, and an entry
started from the worksheet library has no link at all.
"""

from django.db import models
from django.utils import timezone


class ExerciseEntry(models.Model):
    """A self-practice entry started from an exercise block in a lesson."""

    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="exercise_entries"
    )
    # Discarding a draft deletes its link with it; deleting the lesson leaves the entry itself.
    entry = models.OneToOneField(
        "worksheets.Entry", on_delete=models.CASCADE, related_name="lesson_exercise"
    )
    started_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = "entry started from a lesson"
        verbose_name_plural = "entries started from lessons"

    def __str__(self) -> str:
        return f"{self.entry} started from {self.lesson}"
