"""What courses hold about a person, for export and erasure (``supervision.privacy``).

Enrollments and lesson progress are the person's own and are deleted; course pages and their
history belong to the course (Wagtail's own records are declared by ``privacy``).
"""

from courses.models import Enrollment, LessonCompletion
from supervision import privacy


def enrollments(person) -> list[dict]:
    return list(
        Enrollment.objects.filter(person=person).values("course__title", "role", "enrolled_at")
    )


def lessons_completed(person) -> list[dict]:
    return list(
        LessonCompletion.objects.filter(person=person).values("lesson__title", "completed_at")
    )


PROVIDER = privacy.Provider(
    app="courses",
    holdings=(
        privacy.Holding("courses.Enrollment.person", privacy.DELETE, "Their place on a course."),
        privacy.Holding(
            "courses.Enrollment.enrolled_by",
            privacy.KEEP,
            "Who enrolled another person stays with that enrollment; it names the tombstone.",
        ),
        privacy.Holding("courses.LessonCompletion.person", privacy.DELETE, "Their progress."),
    ),
    exports=(
        privacy.Export("Courses", enrollments),
        privacy.Export("Lessons completed", lessons_completed),
    ),
)
