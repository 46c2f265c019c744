"""Who belongs to a course and in which role, which lessons each learner finished, and the course's editing team."""

from django.conf import settings
from django.contrib.auth.models import Group
from django.db import models
from django.utils import timezone


class Enrollment(models.Model):
    """A person's membership of one course; it is also their permission to read the course."""

    class Role(models.TextChoices):
        TRAINEE = "trainee", "Trainee"
        SUPERVISOR = "supervisor", "Supervisor"
        STAFF = "staff", "Course staff"
        LEAD = "lead", "Course lead"

    # Learners track their own progress; staff write the course and see no one's progress.
    LEARNER_ROLES = (Role.TRAINEE, Role.SUPERVISOR)
    STAFF_ROLES = (Role.STAFF, Role.LEAD)

    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="enrollments"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_enrollments"
    )
    role = models.CharField(max_length=20, choices=Role.choices, default=Role.TRAINEE)
    enrolled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    enrolled_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["course", "person__display_name", "person__email"]
        constraints = [
            models.UniqueConstraint(fields=["course", "person"], name="enrollment_once_per_course")
        ]
        indexes = [models.Index(fields=["person", "role"], name="enrollment_person_role")]

    def __str__(self) -> str:
        return f"{self.person} in {self.course} as {self.get_role_display().lower()}"

    @property
    def is_staff_role(self) -> bool:
        return self.role in self.STAFF_ROLES


class LessonCompletion(models.Model):
    """A learner marked a lesson complete; removing the row marks it not done again."""

    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.CASCADE, related_name="completions"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="lesson_completions"
    )
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-completed_at"]
        constraints = [
            models.UniqueConstraint(fields=["lesson", "person"], name="lesson_completed_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} completed {self.lesson}"


class CourseTeam(models.Model):
    """The Wagtail groups, collection and review workflow that confine a course's staff to that course.

    Staff are members of `staff_group` (add and edit pages in the course's subtree, use its
    image and document collection); course leads are also members of `leads_group`, which may
    publish and is the approver of the course's review workflow.
    """

    course = models.OneToOneField(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="team"
    )
    staff_group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="+")
    leads_group = models.OneToOneField(Group, on_delete=models.PROTECT, related_name="+")
    collection = models.ForeignKey(
        "wagtailcore.Collection", on_delete=models.PROTECT, related_name="+"
    )
    workflow = models.ForeignKey("wagtailcore.Workflow", on_delete=models.PROTECT, related_name="+")

    def __str__(self) -> str:
        return f"Team of {self.course}"
